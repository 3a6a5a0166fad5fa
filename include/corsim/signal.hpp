#pragma once
/// \file signal.hpp
/// Signal: a condition processes wait for (`co_await signal`), the intrusive waiter lists that
/// every awaitable uses (no allocation per wait), and the `Interrupted` exception. Processes
/// themselves are in process.hpp.
///
/// Example:
/// \code
///   corsim::Signal ready(eng);
///   ready.trigger_in(corsim::to_ticks(2.0));   // or ready.succeed() from model code
///   // in a process:  co_await ready;
/// \endcode

#include "corsim/engine.hpp"

#include <coroutine>
#include <cstddef>
#include <exception>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define CORSIM_ASAN_FRAMES 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORSIM_ASAN_FRAMES 1
#endif
#endif
#ifdef CORSIM_ASAN_FRAMES
#include <sanitizer/asan_interface.h>
#endif

namespace corsim {

/// Thrown from the `co_await` of an interrupted process; `cause()` is the caller's code.
class Interrupted : public std::exception {
public:
  explicit Interrupted(int cause) : cause_(cause) {}
  [[nodiscard]] int cause() const { return cause_; }
  [[nodiscard]] const char *what() const noexcept override { return "process interrupted"; }

private:
  int cause_;
};

class ProcessPromise;
using ProcessHandle = std::coroutine_handle<ProcessPromise>;

namespace detail {
/// A waiter in an intrusive, circular, doubly-linked list (no allocation per wait).
struct WaitNode {
  WaitNode *prev = nullptr;
  WaitNode *next = nullptr;
  void (*fire)(WaitNode *) = nullptr;
  [[nodiscard]] bool linked() const { return prev != nullptr; }
  void unlink() {
    prev->next = next;
    next->prev = prev;
    prev = next = nullptr;
  }
};
/// List of waiters with a sentinel. Its destructor leaves nodes alone (they may be gone).
class WaitList {
public:
  WaitList() { head_.prev = head_.next = &head_; }
  WaitList(const WaitList &) = delete;
  WaitList &operator=(const WaitList &) = delete;
  [[nodiscard]] bool empty() const { return head_.next == &head_; }
  [[nodiscard]] WaitNode *front() const { return empty() ? nullptr : head_.next; }
  [[nodiscard]] WaitNode *back() const { return empty() ? nullptr : head_.prev; }
  [[nodiscard]] const WaitNode *end() const { return &head_; }
  void insert_before(WaitNode &pos, WaitNode &n) {
    n.prev = pos.prev;
    n.next = &pos;
    pos.prev->next = &n;
    pos.prev = &n;
  }
  void push_back(WaitNode &n) { insert_before(head_, n); }
  [[nodiscard]] WaitNode &sentinel() { return head_; }
  [[nodiscard]] std::size_t size() const;

private:
  WaitNode head_;
};
/// Coroutine frames come from per-thread free lists in 64-byte size classes up to 2 KiB
/// (intrusive singly-linked lists: taking and giving back a frame is a load and a store).
/// Pooled frames are returned to the system when the thread ends.
inline constexpr std::size_t frame_class = 64;
inline constexpr std::size_t frame_classes = 32;
struct FreeFrame {
  FreeFrame *next;
};
/// Heads of the free lists, one per size class (trivial, so access needs no TLS guard).
extern thread_local constinit FreeFrame *frame_lists[frame_classes];
void *frame_alloc_slow(std::size_t n);
void frame_list_started() noexcept; // registers the thread's clean-up
inline void *frame_alloc(std::size_t n) {
  const std::size_t c = (n + frame_class - 1) / frame_class;
  if (c < frame_classes)
    if (FreeFrame *f = frame_lists[c]) {
      frame_lists[c] = f->next;
#ifdef CORSIM_ASAN_FRAMES
      ASAN_UNPOISON_MEMORY_REGION(f, n);
#endif
      return f;
    }
  return frame_alloc_slow(n);
}
inline void frame_free(void *p, std::size_t n) noexcept {
  const std::size_t c = (n + frame_class - 1) / frame_class;
  if (c >= frame_classes) {
    ::operator delete(p);
    return;
  }
  FreeFrame *head = frame_lists[c];
  if (head == nullptr)
    frame_list_started();
  frame_lists[c] = ::new (p) FreeFrame{head};
#ifdef CORSIM_ASAN_FRAMES // a pooled frame is off limits until reused (use-after-free checks)
  ASAN_POISON_MEMORY_REGION(static_cast<char *>(p) + sizeof(FreeFrame), n - sizeof(FreeFrame));
#endif
}
} // namespace detail

/// A one-shot condition processes can wait for. succeed() wakes every waiter (each resumes at
/// the current time, in the order they began waiting); waits after that pass at once until
/// reset(). Example: `Signal ready(eng); ... co_await ready; ... ready.succeed();`
class Signal {
public:
  Signal() = default;
  explicit Signal(Engine &eng) : eng_(&eng) {}
  Signal(const Signal &) = delete;
  Signal &operator=(const Signal &) = delete;
  ~Signal() {
    if (timer_.valid())
      cancel_timer();
  }

  /// Triggers now: every waiter resumes at the current time, in the order it began waiting.
  void succeed() {
    triggered_ = true;
    if (!waiters_.empty())
      wake_waiters();
  }
  /// Triggers at tick t / after dt ticks (needs the Engine constructor). Replaces an earlier
  /// timing.
  void trigger_at(Tick t);
  void trigger_in(Tick dt);
  void reset() { triggered_ = false; }
  [[nodiscard]] bool triggered() const { return triggered_; }
  [[nodiscard]] bool has_waiters() const { return !waiters_.empty(); }

  struct Awaiter : detail::WaitNode {
    explicit Awaiter(Signal *s) : signal(s) {}
    Signal *signal;
    ProcessHandle handle;
    bool interrupted = false;
    [[nodiscard]] bool await_ready() const noexcept { return signal->triggered_; }
    bool await_suspend(ProcessHandle h);
    void await_resume() const;
  };
  Awaiter operator co_await() noexcept { return Awaiter(this); }
  detail::WaitList &waiters() { return waiters_; }

private:
  void wake_waiters();
  void cancel_timer();
  Engine *eng_ = nullptr;
  bool triggered_ = false;
  EventId timer_;
  detail::WaitList waiters_;
};

} // namespace corsim
