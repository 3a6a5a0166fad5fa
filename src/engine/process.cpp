#include "corsim/process.hpp"

#include "corsim/error.hpp"

#include <vector>

namespace corsim {

namespace detail {

std::size_t WaitList::size() const {
  std::size_t n = 0;
  for (const WaitNode *p = head_.next; p != &head_; p = p->next)
    ++n;
  return n;
}

namespace {
// Per-thread free lists of coroutine frames in 64-byte size classes up to 2 KiB. Frames are
// reused, never returned to the system while the thread lives.
constexpr std::size_t frame_class = 64;
constexpr std::size_t frame_classes = 32;

struct FramePool {
  std::array<std::vector<void *>, frame_classes> free;
  ~FramePool() {
    for (auto &list : free)
      for (void *p : list)
        ::operator delete(p);
  }
};
thread_local FramePool pool;

std::size_t class_of(std::size_t n) { return (n + frame_class - 1) / frame_class; }
} // namespace

void *frame_alloc(std::size_t n) {
  const std::size_t c = class_of(n);
  if (c < frame_classes && !pool.free[c].empty()) {
    void *p = pool.free[c].back();
    pool.free[c].pop_back();
    return p;
  }
  return ::operator new(c < frame_classes ? c * frame_class : n);
}

void frame_free(void *p, std::size_t n) noexcept {
  const std::size_t c = class_of(n);
  if (c < frame_classes) {
    try {
      pool.free[c].push_back(p);
      return;
    } catch (...) { // out of memory for the list: give the frame back instead
    }
  }
  ::operator delete(p);
}

} // namespace detail

Signal::~Signal() {
  if (eng_ && timer_.valid() && !eng_->tearing_down())
    eng_->cancel(timer_);
}

void Signal::succeed() {
  triggered_ = true;
  while (!waiters_.empty()) {
    detail::WaitNode *n = waiters_.front();
    n->unlink();
    n->fire(n);
  }
}

void Signal::trigger_at(Tick t) {
  if (!eng_)
    throw ApiMisuse("Signal::trigger_at: the signal was built without an Engine");
  eng_->cancel(timer_);
  timer_ = eng_->schedule_at(t, [this] {
    timer_ = EventId{};
    succeed();
  });
}

void Signal::trigger_in(Tick dt) {
  if (!eng_)
    throw ApiMisuse("Signal::trigger_in: the signal was built without an Engine");
  trigger_at(eng_->now() + dt);
}

bool Signal::Awaiter::await_suspend(ProcessHandle h) {
  handle = h;
  if (h.promise().interrupt_pending()) {
    interrupted = true;
    return false;
  }
  fire = [](detail::WaitNode *w) {
    auto *a = static_cast<Awaiter *>(w);
    a->handle.promise().end_wait();
    a->handle.promise().resume_soon();
  };
  signal->waiters_.push_back(*this);
  h.promise().begin_wait(
      [](void *self) {
        auto *a = static_cast<Awaiter *>(self);
        if (a->linked())
          a->unlink();
        a->interrupted = true;
      },
      this);
  return true;
}

void Signal::Awaiter::await_resume() const {
  if (interrupted)
    handle.promise().throw_interrupt();
}

Process ProcessPromise::get_return_object() noexcept {
  return Process(ProcessHandle::from_promise(*this));
}

void ProcessPromise::FinalAwaiter::await_suspend(ProcessHandle h) noexcept {
  ProcessPromise &p = h.promise();
  p.done_.succeed();
  p.engine_->unregister_process(p.id_);
  p.finished_ = true;
  if (p.pending_wakes_ == 0)
    h.destroy(); // else the Engine frees it when its last stale wake entry comes up
}

void ProcessPromise::unhandled_exception() noexcept { engine_->fail(std::current_exception()); }

void ProcessPromise::throw_interrupt() {
  interrupt_pending_ = false;
  throw Interrupted(interrupt_cause_);
}

void ProcessPromise::interrupt(int cause) {
  interrupt_pending_ = true;
  interrupt_cause_ = cause;
  if (cancel_) {
    auto *cancel = std::exchange(cancel_, nullptr);
    cancel(cancel_ctx_);
    resume_soon();
  }
}

ProcessPromise *ProcessRef::promise_or_null() const {
  return eng_ ? static_cast<ProcessPromise *>(eng_->find_process_or_null(id_)) : nullptr;
}

bool ProcessRef::alive() const { return promise_or_null() != nullptr; }

bool ProcessRef::interrupt(int cause) const {
  ProcessPromise *p = promise_or_null();
  if (!p)
    return false;
  p->interrupt(cause);
  return true;
}

Signal &ProcessRef::done() const {
  static thread_local Signal finished;
  ProcessPromise *p = promise_or_null();
  if (p)
    return p->done_;
  finished.succeed();
  return finished;
}

std::uint64_t start_process(Engine &eng, Process &&p, Tick at, Priority prio, bool now) {
  const ProcessHandle h = p.release();
  ProcessPromise &promise = h.promise();
  promise.engine_ = &eng;
  promise.id_ = eng.register_process(&promise);
  const std::uint64_t id = promise.id_;
  if (now)
    h.resume(); // may finish (and free the frame) before returning
  else
    promise.wake_at(at, prio);
  return id;
}

ProcessRef spawn(Engine &eng, Process p) {
  return ProcessRef(eng, start_process(eng, std::move(p), eng.now(), priority_normal, true));
}

ProcessRef spawn(Engine &eng, Process p, Priority prio) {
  return ProcessRef(eng, start_process(eng, std::move(p), eng.now(), prio, false));
}

ProcessRef spawn_at(Engine &eng, Tick t, Process p, Priority prio) {
  return ProcessRef(eng, start_process(eng, std::move(p), t, prio, false));
}

} // namespace corsim
