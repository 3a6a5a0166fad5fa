#pragma once
/// \file process.hpp
/// Processes: C++20 coroutines that read like the process they model.
///
/// A process is a function returning `corsim::Process` that uses `co_await`:
///   - `co_await delay(dt)`            waits dt ticks (or `delay(Hours(2))`);
///   - `co_await signal`               waits until a Signal is triggered;
///   - `co_await any_of(a, b, ...)`    waits for the first of several Signals (returns its index);
///   - `co_await all_of(a, b, ...)`    waits for all of them;
///   - `co_await ref.done()`           waits for another process to finish;
///   - resources (resource.hpp) and stores (store.hpp) give more awaitables.
/// `spawn(engine, process)` starts it now (it runs to its first wait before spawn returns);
/// `spawn_at(engine, t, process)` starts it at tick t. `ref.interrupt(cause)` cancels the
/// process's current wait and makes that `co_await` throw `Interrupted` (for disruptions); an
/// interrupt that arrives while the process is not suspended is delivered at its next wait.
/// An exception escaping a process stops the engine; run() rethrows it.
///
/// Costs: the coroutine frame is allocated once per process from a per-thread free list; waits
/// allocate nothing. The Engine must outlive every Signal, Resource and Store used by its
/// processes (declare it first); destroying the Engine destroys processes still suspended.
///
/// Example:
/// \code
///   corsim::Process clock(corsim::Engine &eng, corsim::Signal &stop, int &ticks) {
///     while (!stop.triggered()) { co_await corsim::delay(corsim::to_ticks(1.0)); ++ticks; }
///   }
///   corsim::Engine eng; corsim::Signal stop(eng); int ticks = 0;
///   corsim::spawn(eng, clock(eng, stop, ticks));
///   stop.trigger_at(corsim::to_ticks(10.5));
///   eng.run();                                   // ticks == 11
/// \endcode

#include "corsim/engine_access.hpp"
#include "corsim/signal.hpp"

#include <array>
#include <coroutine>

namespace corsim {

class Process;
class ProcessRef;

/// Coroutine promise of a Process: engine, wait bookkeeping (for interrupts), completion.
class ProcessPromise {
public:
  inline class Process get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  // At the end: completion is signalled, the process leaves the table, and the frame is freed
  // by the coroutine itself (await_ready() true: no suspension, no indirect destroy call)
  // unless stale wake entries still name it; then it stays suspended and the Engine frees it
  // when the last of them comes up.
  struct FinalAwaiter {
    ProcessPromise *p;
    bool await_ready() noexcept {
      p->done_.succeed();
      detail::EngineAccess::unregister_process(*p->engine_, p->id_);
      p->finished_ = true;
      return p->pending_wakes_ == 0;
    }
    void await_suspend(ProcessHandle) noexcept {}
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {this}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept;
  static void *operator new(std::size_t n) { return detail::frame_alloc(n); }
  static void operator delete(void *p, std::size_t n) noexcept { detail::frame_free(p, n); }

  [[nodiscard]] Engine &engine() const { return *engine_; }
  /// Begins an interruptible wait: `cancel(ctx)` withdraws it if an interrupt comes.
  void begin_wait(void (*cancel)(void *), void *ctx) noexcept {
    cancel_ = cancel;
    cancel_ctx_ = ctx;
  }
  void end_wait() noexcept { cancel_ = nullptr; }
  [[nodiscard]] bool interrupt_pending() const noexcept { return interrupt_pending_; }
  /// Clears the pending interrupt and throws Interrupted.
  [[noreturn]] void throw_interrupt();
  /// Records an interrupt; cancels the current wait (if any) and resumes the process now.
  void interrupt(int cause);
  /// Schedules resumption of this process at tick t (a wake entry: no callback slot).
  void wake_at(Tick t, Priority p = priority_normal) {
    wake_key_ = detail::EngineAccess::schedule_wake(
        *engine_, t, ProcessHandle::from_promise(*this).address(), p);
    ++pending_wakes_;
  }
  /// Schedules resumption of this process at the current time.
  void resume_soon() { wake_at(engine_->now()); }
  /// Withdraws the scheduled wake (its entry will be skipped).
  void cancel_wake() {
    if (wake_key_ != 0) {
      wake_key_ = 0;
      detail::EngineAccess::forget_wake(*engine_);
    }
  }
  /// Called by the Engine for each wake entry of this frame: true if it should resume now.
  /// A finished frame waits for its last stale entry before it is freed.
  bool accept_wake(std::uint64_t key) {
    --pending_wakes_;
    if (finished_) {
      if (pending_wakes_ == 0)
        ProcessHandle::from_promise(*this).destroy();
      return false;
    }
    if (key != wake_key_)
      return false;
    wake_key_ = 0;
    return true;
  }
  /// Engine teardown: forgets one wake entry (frees a finished frame with none left).
  static void drop_wake(ProcessPromise &p) {
    if (--p.pending_wakes_ == 0 && p.finished_)
      ProcessHandle::from_promise(p).destroy();
  }
  static ProcessPromise &from_frame(std::uint64_t address) {
    return ProcessHandle::from_address(reinterpret_cast<void *>(address)).promise();
  }

private:
  friend std::uint64_t start_process(Engine &, class Process &&, Tick, Priority, bool);
  friend ProcessRef spawn(Engine &, Process);
  friend class ProcessRef;
  Engine *engine_ = nullptr;
  void (*cancel_)(void *) = nullptr;
  void *cancel_ctx_ = nullptr;
  std::uint64_t id_ = 0;
  std::uint64_t wake_key_ = 0;      // key of the wake entry that may resume this process
  std::uint32_t pending_wakes_ = 0; // wake entries naming this frame (some may be stale)
  int interrupt_cause_ = 0;
  bool interrupt_pending_ = false;
  bool finished_ = false;
  Signal done_;
};

/// The return type of a process coroutine. Owns the frame until spawn() hands it to the engine.
class [[nodiscard]] Process {
public:
  using promise_type = ProcessPromise;
  explicit Process(ProcessHandle h) : h_(h) {}
  Process(Process &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  Process &operator=(Process &&) = delete;
  ~Process() {
    if (h_)
      h_.destroy();
  }
  ProcessHandle release() { return std::exchange(h_, {}); }

private:
  ProcessHandle h_;
};

inline Process ProcessPromise::get_return_object() noexcept {
  return Process(ProcessHandle::from_promise(*this));
}

/// A weak reference to a spawned process; stays safe after the process ends.
class ProcessRef {
public:
  ProcessRef() = default;
  ProcessRef(Engine &eng, std::uint64_t id) : eng_(&eng), id_(id) {}
  [[nodiscard]] bool alive() const;
  /// Interrupts the process (see file comment); false if it has already finished.
  bool interrupt(int cause = 0) const;
  /// A Signal triggered when the process finishes (already triggered if it has).
  [[nodiscard]] Signal &done() const;

private:
  ProcessPromise *promise_or_null() const;
  Engine *eng_ = nullptr;
  std::uint64_t id_ = 0;
};

/// Starts `p` now: it runs until its first wait before spawn() returns (a process spawned by
/// another runs first, then the spawner continues).
inline ProcessRef spawn(Engine &eng, Process p) {
  const ProcessHandle h = p.release();
  ProcessPromise &promise = h.promise();
  promise.engine_ = &eng;
  const std::uint64_t id = promise.id_ = detail::EngineAccess::register_process(eng, &promise);
  h.resume(); // may finish (and free the frame) before returning
  return ProcessRef(eng, id);
}
/// Starts `p` as an event at the current time with priority `prio` (after the events already
/// due now that sort before it).
ProcessRef spawn(Engine &eng, Process p, Priority prio);
/// Starts `p` at tick t (>= now), as an event of priority `prio`.
ProcessRef spawn_at(Engine &eng, Tick t, Process p, Priority prio = priority_normal);

/// Waits `dt` ticks. `co_await delay(0)` lets other events at the current time run first.
struct DelayAwaiter {
  explicit DelayAwaiter(Tick d) : dt(d) {}
  Tick dt;
  ProcessPromise *promise = nullptr;
  bool interrupted = false;
  [[nodiscard]] bool await_ready() const noexcept { return false; }
  bool await_suspend(ProcessHandle h) {
    promise = &h.promise();
    if (promise->interrupt_pending()) {
      interrupted = true;
      return false;
    }
    promise->wake_at(later(promise->engine().now(), dt));
    promise->begin_wait(&cancel, this);
    return true;
  }
  void await_resume() {
    if (interrupted)
      promise->throw_interrupt();
    promise->end_wait();
  }
  static void cancel(void *self) {
    auto *a = static_cast<DelayAwaiter *>(self);
    a->promise->cancel_wake();
    a->interrupted = true;
  }
};
inline DelayAwaiter delay(Tick dt) { return DelayAwaiter{dt}; }
inline DelayAwaiter delay(Hours h) { return DelayAwaiter{to_ticks(h)}; }

namespace detail {
/// any_of / all_of over N signals; `all` selects the mode.
template <std::size_t N, bool All> struct GroupAwaiter {
  explicit GroupAwaiter(std::array<Signal *, N> s) : signals(s) {}
  struct Node : WaitNode {
    GroupAwaiter *owner = nullptr;
    std::size_t index = 0;
  };
  std::array<Signal *, N> signals;
  std::array<Node, N> nodes{};
  ProcessHandle handle;
  std::size_t result = N;
  std::size_t remaining = N;
  bool interrupted = false;

  bool await_ready() noexcept {
    std::size_t done = 0;
    for (std::size_t i = 0; i < N; ++i)
      if (signals[i]->triggered()) {
        if (!All)
          return result = i, true;
        ++done;
      }
    return All && done == N;
  }
  bool await_suspend(ProcessHandle h) {
    handle = h;
    if (h.promise().interrupt_pending())
      return interrupted = true, false;
    for (std::size_t i = 0; i < N; ++i) {
      nodes[i].owner = this;
      nodes[i].index = i;
      nodes[i].fire = &fire;
      if (!signals[i]->triggered())
        signals[i]->waiters().push_back(nodes[i]);
      else
        --remaining;
    }
    h.promise().begin_wait(&cancel, this);
    return true;
  }
  std::size_t await_resume() {
    if (interrupted)
      handle.promise().throw_interrupt();
    return All ? N : result;
  }
  void unlink_all() {
    for (Node &n : nodes)
      if (n.linked())
        n.unlink();
  }
  static void fire(WaitNode *w) {
    Node *n = static_cast<Node *>(w);
    GroupAwaiter *g = n->owner;
    if (--g->remaining > 0 && All)
      return;
    g->result = n->index;
    g->unlink_all();
    g->handle.promise().end_wait();
    g->handle.promise().resume_soon();
  }
  static void cancel(void *self) {
    auto *g = static_cast<GroupAwaiter *>(self);
    g->unlink_all();
    g->interrupted = true;
  }
};
} // namespace detail

/// Waits for the first of the signals; returns its index (0-based).
template <class... S> auto any_of(S &...signals) {
  return detail::GroupAwaiter<sizeof...(S), false>({&signals...});
}
/// Waits until every signal has been triggered.
template <class... S> auto all_of(S &...signals) {
  return detail::GroupAwaiter<sizeof...(S), true>({&signals...});
}

} // namespace corsim
