// Boxes that react: a box left behind by a full departure, too late for the departure it
// booked, or whose plan a disruption's announcement or end concerns, re-plans from where it
// stands and may move to another service's queue.
#include "stops.hpp"

#include <algorithm>

namespace corsim::model::detail {

bool Stops::missed_connection(const Consignment &k) const {
  const PlannedLeg &leg = k.current();
  return leg.trip >= 0 && leg.trip <= planner_.last_departed(leg.service, leg.board);
}

// Announced: the plan rides the cut service, stops at or passes the cut node, or runs over the
// cut link, from where the box is now. Ended: the plan was made while the cut was known.
bool Stops::news_affects(const Consignment &k, const Cut &cut, bool ended) const {
  if (ended)
    return k.planned_at >= cut.announced && k.planned_at < cut.end;
  for (std::size_t i = k.leg; i < k.legs.size(); ++i) {
    const PlannedLeg &leg = k.legs[i];
    const Service &svc = ctx_.in.services[leg.service];
    switch (cut.target) {
    case DisruptionTarget::Service:
      if (leg.service == cut.index)
        return true;
      break;
    case DisruptionTarget::Node:
      for (std::size_t j = leg.board; j <= leg.alight; ++j)
        if (svc.route[j] == cut.index)
          return true;
      break;
    default:
      for (std::size_t j = leg.board; j < leg.alight; ++j)
        if (svc.legs[j] == cut.index)
          return true;
    }
  }
  return false;
}

bool Stops::has_news_for(const Consignment &k) const {
  for (auto n = news_.rbegin(); n != news_.rend() && n->at > k.planned_at; ++n)
    if (news_affects(k, ctx_.in.cuts[n->cut], n->ended))
      return true;
  return false;
}

// Its own room is given back first, so that the search may keep it on the same departures.
bool Stops::replan(std::uint32_t c) {
  Consignment &k = boxes_[c];
  const PlannedLeg &leg = k.current();
  const NodeIndex here = ctx_.in.services[leg.service].route[leg.board];
  planner_.unbook(k.legs, k.leg, k.teu);
  k.planned_at = ctx_.eng.now();
  auto p = planner_.replan(k.flow, here, k.teu);
  if (!p) {
    planner_.book(k.legs, k.leg, k.teu);
    return false;
  }
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

// A box that moves keeps the hours it has waited: as waiting for a departure, or, once left
// behind, as rolled over (also what it waits for its new ride). It leaves the yard when the
// yard does not serve its new ride's mode.
void Stops::replan_waiting(std::uint32_t c, ServiceIndex service, std::size_t stop) {
  StopQueue &q = queues_[service][stop];
  const auto at = std::find(q.waiting.begin(), q.waiting.end(), c);
  if (at == q.waiting.end() || !replan(c))
    return; // (no longer in the queue: nothing to move)
  Consignment &k = boxes_[c];
  if (k.current().service == service && k.current().board == stop)
    return; // a later departure of the same service, now booked
  q.waiting.erase(at);
  q.teu -= k.teu;
  if (q.waiting.empty())
    q.teu = 0.0;
  const bool rolled = k.rolled_since >= 0 || k.moved_after_roll;
  charge_wait(k);
  const NodeIndex node = ctx_.in.services[service].route[stop];
  if (k.in_yard && !ctx_.net.nodes[node].yard->serves(ctx_.in.services[k.current().service].mode))
    yard_leave(c, node);
  enqueue(c, rolled);
}

void Stops::follow_disruptions() {
  for (std::uint32_t i = 0; i < ctx_.in.cuts.size(); ++i) {
    const Cut &cut = ctx_.in.cuts[i];
    if (cut.announced > 0 && cut.announced < ctx_.end)
      ctx_.eng.schedule_at(cut.announced, [this, i] { disruption_news(i, false); });
    if (cut.end < ctx_.end)
      ctx_.eng.schedule_at(cut.end, [this, i] { disruption_news(i, true); });
  }
}

void Stops::disruption_news(std::uint32_t cut, bool ended) {
  if (!ended)
    planner_.learn_disruptions();
  news_.push_back({ctx_.eng.now(), cut, ended});
  if (!ctx_.in.options->replan)
    return;
  for (ServiceIndex s = 0; s < queues_.size(); ++s)
    for (std::size_t stop = 0; stop < queues_[s].size(); ++stop) {
      const std::vector<std::uint32_t> waiting = queues_[s][stop].waiting; // it changes
      for (std::uint32_t c : waiting)
        if (news_affects(boxes_[c], ctx_.in.cuts[cut], ended))
          replan_waiting(c, s, stop);
    }
}

} // namespace corsim::model::detail
