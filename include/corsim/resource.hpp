#pragma once
/// \file resource.hpp
/// Shared capacity for processes: Resource (c identical units: cranes, lanes, berths) and
/// Container (a continuous level: fuel, TEU in a yard). Items with identity are in store.hpp.
///
/// Resource. `auto lock = co_await res.acquire();` waits for a unit and holds it until `lock`
/// is destroyed or `lock.release()`d. Waiting requests are served FIFO, or, with
/// `Discipline::ByPriority`, by priority (lower value first; FIFO among equals). No preemption.
/// A Calendar (opening hours, holidays, closures; see calendar.hpp) blocks new grants while the
/// calendar is closed, with engine time read as hours from the calendar's epoch; units already
/// held are kept. Capacity may change over time (`set_capacity`, `set_capacity_at`): a cut
/// takes effect as units are released, a rise serves waiting requests at once.
///
/// Example:
/// \code
///   corsim::Process ship(corsim::Resource &berths, double hours) {
///     auto berth = co_await berths.acquire();               // wait for a berth
///     co_await corsim::delay(corsim::Hours(hours));         // unload
///   }                                                        // berth released here
///   corsim::Engine eng;
///   corsim::Resource berths(eng, 1);
///   corsim::spawn(eng, ship(berths, 12)); corsim::spawn(eng, ship(berths, 12));
///   eng.run();                                              // eng.time() == 24
/// \endcode
///
/// Container. `co_await tank.get(5.0)` waits until the level is at least 5 and takes it;
/// `co_await tank.put(5.0)` waits until there is room. Both queues are strict FIFO.

#include "corsim/calendar.hpp"
#include "corsim/engine_access.hpp"
#include "corsim/observer.hpp"
#include "corsim/process.hpp"

namespace corsim {

class Resource;

/// One unit of a Resource held by a process; releases it when destroyed. Move-only.
class [[nodiscard]] ResourceLock {
public:
  ResourceLock() = default;
  inline explicit ResourceLock(Resource &r);
  ResourceLock(ResourceLock &&o) noexcept : res_(std::exchange(o.res_, nullptr)), eng_(o.eng_) {}
  ResourceLock &operator=(ResourceLock &&o) noexcept;
  ~ResourceLock() { release(); }
  inline void release();
  [[nodiscard]] bool held() const { return res_ != nullptr; }

private:
  Resource *res_ = nullptr;
  Engine *eng_ = nullptr; // checked first: at engine teardown the resource may be gone
};

class Resource {
public:
  enum class Discipline { Fifo, ByPriority };
  Resource(Engine &eng, int capacity, Discipline d = Discipline::Fifo);
  Resource(const Resource &) = delete;
  Resource &operator=(const Resource &) = delete;

  struct Request : detail::WaitNode {
    Request(Resource *r, Priority p) : res(r), priority(p) {}
    Resource *res;
    Priority priority;
    ProcessHandle handle;
    Tick since = 0;
    bool granted = false;
    bool interrupted = false;
    static void withdraw(void *self); // an interrupt withdraws the request
    bool await_ready() {
      if (!res->queue_.empty() || res->in_use_ >= res->capacity_)
        return false; // must queue (nothing to report before enqueue)
      if (res->calendar_ == nullptr && res->observers_.empty()) { // free unit, nothing to report
        ++res->in_use_;
        granted = true;
        return true;
      }
      return res->ready_slow(*this);
    }
    bool await_suspend(ProcessHandle h) {
      handle = h;
      if (!res->plain_queue() || h.promise().interrupt_pending())
        return res->suspend_slow(*this);
      // FIFO, open, no observer: join the queue (the inline fast path of suspend_slow()).
      since = res->eng_->now();
      res->queue_.push_back(*this);
      ++res->queued_;
      h.promise().begin_wait(&withdraw, this);
      return true;
    }
    ResourceLock await_resume() {
      if (interrupted)
        handle.promise().throw_interrupt();
      return ResourceLock(*res);
    }
  };
  /// Awaitable: `auto lock = co_await res.acquire(priority);`.
  Request acquire(Priority p = priority_normal) { return Request(this, p); }
  /// Callback style: takes a unit if one is free now (and open); pair with release().
  bool try_acquire();
  /// Gives back one unit and serves waiting requests.
  void release() {
    assert(in_use_ > 0);
    --in_use_;
    if (queue_.empty() && observers_.empty())
      return;
    if (plain_queue() && in_use_ + 1 == capacity_) { // the unit passes to the queue's head
      grant(*static_cast<Request *>(queue_.front()));
      return;
    }
    released_busy();
  }

  [[nodiscard]] int capacity() const { return capacity_; }
  [[nodiscard]] int in_use() const { return in_use_; }
  [[nodiscard]] std::size_t queue_length() const { return queued_; }
  /// True if a request made now would be served at once.
  [[nodiscard]] bool available() const;
  void set_capacity(int c);
  /// Schedules set_capacity(c) at tick t.
  void set_capacity_at(Tick t, int c);
  /// Blocks grants while `cal` is closed (nullptr: always open). Not owned; must outlive this.
  void set_calendar(const Calendar *cal);
  [[nodiscard]] bool is_open() const;

  void set_id(std::uint32_t id) { id_ = id; }
  ObserverList &observers() { return observers_; }
  [[nodiscard]] Engine &engine() const { return *eng_; }

private:
  friend class ResourceLock;
  // FIFO, no calendar, no observer: waiting and granting need no more than list operations.
  [[nodiscard]] bool plain_queue() const {
    return discipline_ == Discipline::Fifo && calendar_ == nullptr && observers_.empty();
  }
  bool ready_slow(Request &r);
  bool suspend_slow(Request &r);
  void released_busy();
  void enqueue(Request &r);
  void serve();
  void grant(Request &r) {
    r.unlink();
    --queued_;
    ++in_use_;
    r.granted = true;
    if (!observers_.empty())
      report_grant(r);
    r.handle.promise().end_wait();
    r.handle.promise().resume_soon();
  }
  void report_grant(const Request &r) const;
  void wake_at_opening();
  void report(ObservationKind k, double value = 0.0) const;

  Engine *eng_;
  int capacity_;
  int in_use_ = 0;
  std::size_t queued_ = 0;
  Discipline discipline_;
  const Calendar *calendar_ = nullptr;
  EventId reopen_;
  std::uint32_t id_ = 0;
  detail::WaitList queue_;
  ObserverList observers_;
};

inline ResourceLock::ResourceLock(Resource &r) : res_(&r), eng_(r.eng_) {}

inline void ResourceLock::release() {
  if (Resource *r = std::exchange(res_, nullptr); r && !detail::EngineAccess::tearing_down(*eng_))
    r->release();
}

/// A continuous level between 0 and a capacity, with blocking put and get of amounts.
class Container {
public:
  Container(Engine &eng, double capacity, double initial = 0.0);
  Container(const Container &) = delete;
  Container &operator=(const Container &) = delete;

  struct Op : detail::WaitNode {
    Op(Container *owner, double amt, bool put) : c(owner), amount(amt), is_put(put) {}
    Container *c;
    double amount;
    bool is_put;
    ProcessHandle handle;
    Tick since = 0;
    bool interrupted = false;
    bool await_ready();
    bool await_suspend(ProcessHandle h);
    void await_resume();
  };
  /// Awaitable: waits for room, then adds `amount` (0 <= amount <= capacity).
  Op put(double amount) { return Op(this, amount, true); }
  /// Awaitable: waits for `amount`, then takes it.
  Op get(double amount) { return Op(this, amount, false); }
  [[nodiscard]] double level() const { return level_; }
  [[nodiscard]] double capacity() const { return capacity_; }

  void set_id(std::uint32_t id) { id_ = id; }
  ObserverList &observers() { return observers_; }

private:
  bool fits(const Op &op) const;
  void apply(Op &op);
  void serve();
  void report(ObservationKind k, double value = 0.0) const;

  Engine *eng_;
  double capacity_;
  double level_;
  std::uint32_t id_ = 0;
  detail::WaitList puts_;
  detail::WaitList gets_;
  ObserverList observers_;
};

} // namespace corsim
