#include "corsim/resource.hpp"

#include "corsim/error.hpp"

namespace corsim {

ResourceLock &ResourceLock::operator=(ResourceLock &&o) noexcept {
  if (this != &o) {
    release();
    res_ = std::exchange(o.res_, nullptr);
    eng_ = o.eng_;
  }
  return *this;
}

Resource::Resource(Engine &eng, int capacity, Discipline d)
    : eng_(&eng), capacity_(capacity), discipline_(d) {
  if (capacity < 0)
    throw ApiMisuse("Resource: capacity must not be negative");
}

void Resource::report(ObservationKind k, double value) const {
  observers_.notify(Observation{eng_->now(), k, id_, static_cast<std::uint32_t>(queued_),
                                static_cast<double>(in_use_), value});
}

bool Resource::is_open() const {
  return calendar_ == nullptr || calendar_->is_open(to_hours(eng_->now()));
}

bool Resource::available() const { return queue_.empty() && in_use_ < capacity_ && is_open(); }

bool Resource::try_acquire() {
  if (!available())
    return false;
  ++in_use_;
  if (!observers_.empty()) {
    report(ObservationKind::Request);
    report(ObservationKind::Grant, 0.0);
  }
  return true;
}

// release() after the unit is given back, when there is a queue or an observer.
void Resource::released_busy() {
  if (!observers_.empty())
    report(ObservationKind::Release);
  if (!queue_.empty())
    serve();
}

void Resource::enqueue(Request &r) {
  detail::WaitNode *pos = &queue_.sentinel();
  if (discipline_ == Discipline::ByPriority) {
    // Walk back from the tail past requests of lower urgency (higher value).
    while (pos->prev != &queue_.sentinel() &&
           static_cast<Request *>(pos->prev)->priority > r.priority)
      pos = pos->prev;
  }
  queue_.insert_before(*pos, r);
  ++queued_;
  if (!observers_.empty())
    report(ObservationKind::Request);
}

void Resource::report_grant(const Request &r) const {
  report(ObservationKind::Grant, to_time(eng_->now() - r.since));
}

void Resource::serve() {
  if (!is_open()) {
    wake_at_opening();
    return;
  }
  while (!queue_.empty() && in_use_ < capacity_)
    grant(*static_cast<Request *>(queue_.front()));
}

void Resource::wake_at_opening() {
  if (eng_->is_pending(reopen_))
    return;
  const Tick t = std::max(to_ticks(calendar_->next_open(to_hours(eng_->now()))), eng_->now() + 1);
  reopen_ = eng_->schedule_at(t, [this] { serve(); });
}

void Resource::set_capacity(int c) {
  if (c < 0)
    throw ApiMisuse("Resource::set_capacity: capacity must not be negative");
  capacity_ = c;
  if (!observers_.empty())
    report(ObservationKind::Capacity, c);
  serve();
}

void Resource::set_capacity_at(Tick t, int c) {
  eng_->schedule_at(t, [this, c] { set_capacity(c); });
}

void Resource::set_calendar(const Calendar *cal) {
  calendar_ = cal;
  eng_->cancel(reopen_);
  if (!queue_.empty())
    serve();
}

// await_ready() with a free unit and no queue, when there is a calendar or an observer.
bool Resource::ready_slow(Request &r) {
  if (!available())
    return false;
  ++in_use_;
  r.granted = true;
  if (!observers_.empty()) {
    report(ObservationKind::Request);
    report(ObservationKind::Grant, 0.0);
  }
  return true;
}

// await_suspend() in general: an interrupt pending, a priority queue, a calendar, observers.
bool Resource::suspend_slow(Request &r) {
  const ProcessHandle h = r.handle;
  if (h.promise().interrupt_pending()) {
    r.interrupted = true;
    return false;
  }
  r.since = eng_->now();
  enqueue(r);
  if (!is_open())
    wake_at_opening();
  h.promise().begin_wait(&Request::withdraw, &r);
  return true;
}

void Resource::Request::withdraw(void *self) {
  auto *r = static_cast<Request *>(self);
  r->unlink();
  --r->res->queued_;
  r->interrupted = true;
  if (!r->res->observers_.empty())
    r->res->report(ObservationKind::Withdraw);
  // A withdrawn head may have been blocking nothing: nothing else to serve.
}

Container::Container(Engine &eng, double capacity, double initial)
    : eng_(&eng), capacity_(capacity), level_(initial) {
  if (!(capacity >= 0.0) || !(initial >= 0.0) || initial > capacity)
    throw ApiMisuse("Container: needs 0 <= initial <= capacity");
}

void Container::report(ObservationKind k, double value) const {
  const std::size_t q = puts_.size() + gets_.size();
  observers_.notify(Observation{eng_->now(), k, id_, static_cast<std::uint32_t>(q), level_, value});
}

bool Container::fits(const Op &op) const {
  return op.is_put ? level_ + op.amount <= capacity_ : level_ >= op.amount;
}

void Container::apply(Op &op) { level_ += op.is_put ? op.amount : -op.amount; }

// Serves the heads of both queues until neither can move (strict FIFO on each side).
void Container::serve() {
  bool moved = true;
  while (moved) {
    moved = false;
    for (detail::WaitList *q : {&puts_, &gets_}) {
      auto *op = static_cast<Op *>(q->front());
      if (op && fits(*op)) {
        op->unlink();
        apply(*op);
        if (!observers_.empty())
          report(ObservationKind::Grant, to_time(eng_->now() - op->since));
        op->handle.promise().end_wait();
        op->handle.promise().resume_soon();
        moved = true;
      }
    }
  }
}

bool Container::Op::await_ready() {
  if (amount < 0.0 || amount > c->capacity_)
    throw ApiMisuse("Container: amount must be between 0 and the capacity");
  detail::WaitList &q = is_put ? c->puts_ : c->gets_;
  if (!q.empty() || !c->fits(*this))
    return false;
  c->apply(*this);
  if (!c->observers_.empty())
    c->report(ObservationKind::Grant, 0.0);
  c->serve(); // the other side may now move
  return true;
}

bool Container::Op::await_suspend(ProcessHandle h) {
  handle = h;
  if (h.promise().interrupt_pending()) {
    interrupted = true;
    return false;
  }
  since = c->eng_->now();
  (is_put ? c->puts_ : c->gets_).push_back(*this);
  if (!c->observers_.empty())
    c->report(ObservationKind::Request);
  h.promise().begin_wait(
      [](void *self) {
        auto *op = static_cast<Op *>(self);
        op->unlink();
        op->interrupted = true;
        op->c->serve(); // the withdrawn head may have blocked others
      },
      this);
  return true;
}

void Container::Op::await_resume() {
  if (interrupted)
    handle.promise().throw_interrupt();
}

} // namespace corsim
