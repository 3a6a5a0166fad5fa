// Boxes that react: a box left behind by a full departure, or too late for the departure it
// booked, re-plans from where it stands and may move to another service's queue.
#include "stops.hpp"

#include <algorithm>

namespace corsim::model::detail {

bool Stops::missed_connection(const Consignment &k) const {
  const PlannedLeg &leg = k.current();
  return leg.trip >= 0 && leg.trip <= last_departed_[leg.service][leg.board];
}

bool Stops::replan(std::uint32_t c) {
  Consignment &k = boxes_[c];
  const PlannedLeg &leg = k.current();
  const NodeIndex here = ctx_.in.services[leg.service].route[leg.board];
  auto p = planner_.replan(k.flow, here, k.teu);
  if (!p)
    return false;
  planner_.unbook(k.legs, k.leg, k.teu);
  planner_.book(*p, k.teu);
  for (std::size_t i = k.leg; i < k.legs.size(); ++i) { // the new rides' costs, not the old
    k.cost -= k.legs[i].cost;
    k.co2 -= k.legs[i].co2;
  }
  k.cost += p->it.cost.value();
  k.co2 += p->it.co2.value();
  k.legs.resize(k.leg);
  k.legs.insert(k.legs.end(), p->legs.begin(), p->legs.end());
  ctx_.trace(TraceEvent::Kind::Replanned, k.id, 0, k.current().service, here, k.teu);
  return true;
}

// A box that moves keeps the hours it has waited: those before it was left behind as waiting
// for a departure, those after (for its new ride) as rolled over.
void Stops::replan_left_behind(ServiceIndex service, std::size_t stop,
                               const std::vector<std::uint32_t> &left_behind) {
  StopQueue &q = queues_[service][stop];
  for (std::uint32_t c : left_behind) {
    const auto at = std::find(q.waiting.begin(), q.waiting.end(), c);
    if (at == q.waiting.end() || !replan(c))
      continue; // (no longer in the queue: nothing to move)
    Consignment &k = boxes_[c];
    if (k.current().service == service && k.current().board == stop)
      continue; // a later departure of the same service, now booked
    q.waiting.erase(at);
    q.teu -= k.teu;
    k.wait[idx(WaitCause::Departure)] += hours(k.rolled_since - k.queued_since);
    enqueue(c);
    k.rolled_since = k.queued_since; // now: what it waits from here on is the roll-over's
  }
}

} // namespace corsim::model::detail
