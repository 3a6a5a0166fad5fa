#pragma once
/// \file engine.hpp
/// The discrete-event kernel: an integer clock, an event list and the loop that runs it.
///
/// Clock. Time is an integer count of ticks (`Tick`, int64). One tick is 1e-6 model time units;
/// corsim's model time unit is the hour, so one tick is 3.6 ms and the clock spans about
/// 1e9 years. Conversions: `to_ticks(2.5)` (model units, rounded to the nearest tick),
/// `to_ticks(Hours(2.5))`, `to_time(t)` (model units). Rounding to 1e-6 of a unit is unbiased
/// (round half away from zero) and far below any queueing statistic's resolution.
///
/// Event list. Events run in the order (time, priority, insertion sequence): earlier time first;
/// at the same time lower priority value first; then first scheduled first. No order depends on
/// pointers or hashing, so a run is a pure function of its inputs and seeds.
///
/// Storage. The list is a 4-ary heap of 24-byte entries over a vector, plus a FIFO for events
/// scheduled at the current time (resumptions, hand-overs), which skip the heap when that keeps
/// the order. Callbacks live in a pool of fixed slots, stored inline when they fit in
/// `EventFn::inline_size` bytes and are nothrow movable (a lambda capturing up to three
/// pointers). In steady state nothing is allocated.
///
/// Example:
/// \code
///   corsim::Engine eng;
///   int fired = 0;
///   eng.schedule_in(corsim::to_ticks(1.5), [&] { ++fired; });
///   auto id = eng.schedule_in(corsim::to_ticks(2.0), [&] { fired += 10; });
///   eng.cancel(id);
///   eng.run();                // fired == 1, eng.time() == 1.5
/// \endcode

#include "corsim/event_fn.hpp"
#include "corsim/units.hpp"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace corsim {

/// Simulation time in ticks; 1 tick = 1e-6 model time units (hours in corsim).
using Tick = std::int64_t;
inline constexpr double ticks_per_unit = 1e6;
inline constexpr Tick tick_max = INT64_MAX;

/// Model time units (hours in corsim) to ticks, rounded to nearest (half away from zero).
constexpr Tick to_ticks(double units) {
  const double t = units * ticks_per_unit;
  // Saturate instead of overflowing (undefined behaviour): "never" stays never. NaN too.
  if (!(t < 9.2e18))
    return tick_max;
  if (t < -9.2e18)
    return -tick_max;
  return static_cast<Tick>(t >= 0.0 ? t + 0.5 : t - 0.5);
}
constexpr Tick to_ticks(Hours h) { return to_ticks(h.value()); }
/// t + dt for dt >= 0, saturating at tick_max ("never") instead of overflowing: a huge
/// sample becomes an event that never comes, not a time in the past.
constexpr Tick later(Tick t, Tick dt) { return dt > tick_max - t ? tick_max : t + dt; }
/// Ticks to model time units.
constexpr double to_time(Tick t) { return static_cast<double>(t) / ticks_per_unit; }
constexpr Hours to_hours(Tick t) { return Hours(to_time(t)); }

/// Same-time order: lower runs first. `priority_urgent` is what resumptions of processes use.
using Priority = std::int16_t;
inline constexpr Priority priority_urgent = -1000;
inline constexpr Priority priority_normal = 0;
inline constexpr Priority priority_late = 1000;

/// Handle of a scheduled event, for cancel(). Value type; a stale id is harmless.
struct EventId {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  [[nodiscard]] bool valid() const { return slot != UINT32_MAX; }
  friend bool operator==(EventId, EventId) = default;
};

class EngineObserver;
class Engine;

namespace detail {
struct EngineAccess;
} // namespace detail

/// The event loop. One Engine per replication; not thread-safe (run replications in threads,
/// one engine each).
class Engine {
public:
  Engine() = default;
  Engine(const Engine &) = delete;
  Engine &operator=(const Engine &) = delete;
  ~Engine();

  /// Current time in ticks, and in model units (hours in corsim).
  [[nodiscard]] Tick now() const { return now_; }
  [[nodiscard]] double time() const { return to_time(now_); }

  /// Schedules `fn` (any `void()` callable) at absolute tick `t` (t >= now()).
  template <class F> EventId schedule_at(Tick t, F &&fn, Priority p = priority_normal) {
    if (t < now_)
      throw_past();
    const std::uint32_t s = acquire_slot();
    Slot &slot = slot_at(s);
    slot.fn.assign(std::forward<F>(fn));
    insert(t, make_key(p, seq_++), s | (std::uint64_t{slot.generation} << 32));
    ++live_;
    return EventId{s, slot.generation};
  }
  /// Schedules `fn` after `dt` ticks (dt >= 0). A delay past the end of the clock (a
  /// saturated to_ticks of a huge sample) saturates at tick_max, "never", instead of wrapping.
  template <class F> EventId schedule_in(Tick dt, F &&fn, Priority p = priority_normal) {
    return schedule_at(later(now_, dt), std::forward<F>(fn), p);
  }
  /// Cancels a pending event; returns false if it already ran, was cancelled or is unknown.
  bool cancel(EventId id);
  /// True if `id` is scheduled and has neither run nor been cancelled.
  [[nodiscard]] bool is_pending(EventId id) const;

  /// Runs the next event; false when none is left (or stop() was called).
  bool step();
  /// Runs until no event is left or stop() is called.
  void run();
  /// Runs every event with time <= t, then sets the clock to t (if it is later than now).
  void run_until(Tick t);
  /// Makes run()/run_until() return after the current event.
  void stop() { stopped_ = true; }

  /// Number of pending (not cancelled) events.
  [[nodiscard]] std::size_t pending() const { return live_; }
  /// Number of events run so far.
  [[nodiscard]] std::uint64_t events_run() const { return executed_; }
  /// Reserves room for `n` pending events (avoids growth during a run).
  void reserve(std::size_t n);

  /// Observers see every executed event (tracing, counting). Not owned; may be removed.
  void add_observer(EngineObserver &o);
  void remove_observer(EngineObserver &o);

  /// Records an exception escaping a process; run() stops and rethrows it.
  void fail(std::exception_ptr e);

private:
  friend struct detail::EngineAccess;
  /// Used by process.hpp: schedules the resumption of a suspended coroutine frame at tick t
  /// without a callback slot, and returns its key. The frame's promise decides, when the
  /// entry comes up, whether it is still wanted (ProcessPromise::accept_wake).
  std::uint64_t schedule_wake(Tick t, void *frame, Priority p = priority_normal) {
    if (t < now_)
      throw_past();
    const std::uint64_t key = make_key(p, seq_++) | 1;
    insert(t, key, reinterpret_cast<std::uintptr_t>(frame));
    ++live_;
    return key;
  }
  /// A wake was withdrawn (its entry will be skipped): no longer counted as pending.
  void forget_wake() { --live_; }

  /// Process table used by process.hpp: maps a (slot, generation) id to a live process.
  /// Free slots form an intrusive LIFO list, so registering and unregistering are a few
  /// loads and stores.
  std::uint64_t register_process(void *promise) {
    if (free_process_ == UINT32_MAX)
      grow_processes();
    const std::uint32_t s = free_process_;
    ProcessSlot &slot = processes_[s];
    free_process_ = slot.next_free;
    slot.promise = promise;
    return (std::uint64_t{slot.generation} << 32) | s;
  }
  void unregister_process(std::uint64_t id) {
    const auto s = static_cast<std::uint32_t>(id);
    ProcessSlot &slot = processes_[s];
    slot.promise = nullptr;
    ++slot.generation;
    slot.next_free = free_process_;
    free_process_ = s;
  }
  [[nodiscard]] void *find_process_or_null(std::uint64_t id) const {
    const auto s = static_cast<std::uint32_t>(id);
    if (s >= processes_.size() || processes_[s].generation != static_cast<std::uint32_t>(id >> 32))
      return nullptr;
    return processes_[s].promise;
  }
  /// True while the destructor destroys suspended processes (resources must not be touched).
  [[nodiscard]] bool tearing_down() const { return tearing_down_; }

  // key: priority (biased, bits 48-63) | sequence (bits 1-47) | wake flag (bit 0).
  // payload: slot | generation << 32 for a callback; the coroutine frame for a wake.
  struct Entry {
    Tick time;
    std::uint64_t key;
    std::uint64_t payload;
  };
  struct Slot {
    EventFn fn;
    std::uint32_t generation = 1;
    std::uint32_t next_free = UINT32_MAX;
  };
  // A growable array of entries whose append is a compare and a store: growth is out of line,
  // so the inlined fast path needs no spill of the caller's registers.
  class EntryBuffer {
  public:
    EntryBuffer() = default;
    EntryBuffer(const EntryBuffer &) = delete;
    EntryBuffer &operator=(const EntryBuffer &) = delete;
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    Entry *data() { return data_.get(); }
    Entry &operator[](std::size_t i) { return data_[i]; }
    const Entry &operator[](std::size_t i) const { return data_[i]; }
    Entry &back() { return data_[size_ - 1]; }
    const Entry *begin() const { return data_.get(); }
    const Entry *end() const { return data_.get() + size_; }
    Entry &emplace_back() {
      if (size_ == capacity_) [[unlikely]]
        grow(capacity_ == 0 ? 64 : 2 * capacity_);
      return data_[size_++];
    }
    void pop_back() { --size_; }
    void clear() { size_ = 0; }
    void reserve(std::size_t n) {
      if (n > capacity_)
        grow(n);
    }

  private:
    void grow(std::size_t n);
    std::unique_ptr<Entry[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
  };
  static constexpr std::uint32_t chunk_bits = 10; // slots live in chunks: they never move
  static bool before(const Entry &a, const Entry &b) {
    return a.time < b.time || (a.time == b.time && a.key < b.key);
  }
  static std::uint64_t make_key(Priority p, std::uint64_t seq) {
    const auto biased = static_cast<std::uint64_t>(static_cast<std::int32_t>(p) + 32768);
    return (biased << 48) | ((seq << 1) & ((std::uint64_t{1} << 48) - 2));
  }
  Slot &slot_at(std::uint32_t s) const {
    return chunks_[s >> chunk_bits][s & ((1u << chunk_bits) - 1)];
  }
  // Events at the current time that sort after everything already in `now_fifo_` go there
  // (O(1)) instead of the heap; the loop takes the smaller of the two heads.
  void insert(Tick t, std::uint64_t key, std::uint64_t payload) {
    if (t == now_ && (fifo_head_ == now_fifo_.size() || key >= now_fifo_.back().key)) {
      Entry &e = now_fifo_.emplace_back();
      e.time = t;
      e.key = key;
      e.payload = payload;
    } else {
      push(t, key, payload);
    }
  }
  [[noreturn]] static void throw_past();
  // 4-ary heap: children of i are 4i+1 .. 4i+4. Fields arrive as scalars and are stored one
  // by one: copying a freshly built Entry as a whole stalls on store-to-load forwarding.
  void push(Tick t, std::uint64_t key, std::uint64_t payload) {
    std::size_t i = heap_.size();
    heap_.emplace_back();
    Entry *h = heap_.data();
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      const Entry &p = h[parent];
      if (!(t < p.time || (t == p.time && key < p.key)))
        break;
      h[i] = p;
      i = parent;
    }
    h[i].time = t;
    h[i].key = key;
    h[i].payload = payload;
  }
  inline bool run_wake(const Entry &e);
  void destroy_processes();
  inline Entry pop_top();
  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t s);
  inline bool take_next(Tick limit, Entry &out);
  inline bool run_one(Tick limit);
  void notify(const Entry &e);
  void rethrow_if_failed();

  EntryBuffer heap_;
  EntryBuffer now_fifo_;
  std::size_t fifo_head_ = 0;
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::uint32_t slot_count_ = 0;
  std::uint32_t free_head_ = UINT32_MAX;
  Tick now_ = 0;
  std::uint64_t seq_ = 0;
  std::uint64_t executed_ = 0;
  std::size_t live_ = 0;
  bool stopped_ = false;
  bool tearing_down_ = false;
  std::exception_ptr failure_;
  std::vector<EngineObserver *> observers_;
  struct ProcessSlot {
    void *promise = nullptr; // nullptr: free
    std::uint32_t generation = 1;
    std::uint32_t next_free = UINT32_MAX;
  };
  void grow_processes();
  std::vector<ProcessSlot> processes_;
  std::uint32_t free_process_ = UINT32_MAX;
};

} // namespace corsim
