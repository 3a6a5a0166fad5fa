#include "corsim/observer.hpp"

namespace corsim {

void ResourceCollector::observe(const Observation &o) {
  busy.set(o.time, o.level);
  queue.set(o.time, o.queue);
  if (o.kind == ObservationKind::Grant)
    wait.add(o.value);
}

void TraceRecorder::observe(const Observation &o) {
  if (sink_) {
    sink_(o);
    return;
  }
  if (records_.size() < limit_)
    records_.push_back(o);
}

void TraceRecorder::on_event(Tick, EventId) { ++events_; }

} // namespace corsim
