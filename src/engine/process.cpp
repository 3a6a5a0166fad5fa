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

thread_local constinit FreeFrame *frame_lists[frame_classes] = {};

namespace {
// Gives the thread's pooled frames back to the system when the thread ends. Constructed on
// the first use of a free list in the thread (frame_list_started), so the hot path needs no
// guard.
struct FramePoolCleanup {
  bool armed = false;
  ~FramePoolCleanup() {
    for (FreeFrame *&head : frame_lists)
      while (FreeFrame *f = head) {
        head = f->next;
        ::operator delete(f);
      }
  }
};
thread_local FramePoolCleanup cleanup;
} // namespace

void frame_list_started() noexcept { cleanup.armed = true; }

void *frame_alloc_slow(std::size_t n) {
  const std::size_t c = (n + frame_class - 1) / frame_class;
  return ::operator new(c < frame_classes ? c * frame_class : n);
}

} // namespace detail

void Signal::cancel_timer() {
  if (eng_ && !detail::EngineAccess::tearing_down(*eng_))
    eng_->cancel(timer_);
}

void Signal::wake_waiters() {
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
  trigger_at(later(eng_->now(), dt));
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
  return eng_
             ? static_cast<ProcessPromise *>(detail::EngineAccess::find_process_or_null(*eng_, id_))
             : nullptr;
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
  promise.id_ = detail::EngineAccess::register_process(eng, &promise);
  const std::uint64_t id = promise.id_;
  if (now)
    h.resume(); // may finish (and free the frame) before returning
  else
    promise.wake_at(at, prio);
  return id;
}

ProcessRef spawn(Engine &eng, Process p, Priority prio) {
  return ProcessRef(eng, start_process(eng, std::move(p), eng.now(), prio, false));
}

ProcessRef spawn_at(Engine &eng, Tick t, Process p, Priority prio) {
  return ProcessRef(eng, start_process(eng, std::move(p), t, prio, false));
}

} // namespace corsim
