// Boxes at stops: yards, queues, the dispatch rule, boarding, alighting and delivery.
#include "stops.hpp"

#include <algorithm>

namespace corsim::model::detail {

Stops::Stops(Context &ctx, Consignments &boxes, Facilities &facilities, ResultsCollector &results,
             Planner &planner)
    : ctx_(ctx), boxes_(boxes), facilities_(facilities), results_(results), planner_(planner),
      queues_(ctx.in.services.size()) {
  for (std::size_t s = 0; s < ctx.in.services.size(); ++s)
    queues_[s].resize(ctx.in.services[s].route.size());
}

void Stops::to_next_leg(std::uint32_t c) {
  Consignment &k = boxes_[c];
  if (k.leg == k.legs.size()) {
    deliver(c);
    return;
  }
  const PlannedLeg &next = k.current();
  const Hours transfer =
      ctx_.net.nodes[ctx_.in.services[next.service].route[next.board]].transfer_time;
  if (k.leg > 0 && transfer.value() > 0.0) { // a change of vehicle: the node's transfer time
    ctx_.eng.schedule_in(to_ticks(transfer), [this, c, transfer] {
      boxes_[c].wait[idx(WaitCause::Transfer)] += transfer.value();
      join_next_leg(c);
    });
    return;
  }
  join_next_leg(c);
}

void Stops::join_next_leg(std::uint32_t c) {
  Consignment &k = boxes_[c];
  if (ctx_.in.options->replan && (missed_connection(k) || has_news_for(k)))
    replan(c);
  const PlannedLeg &leg = k.legs[k.leg];
  const NodeIndex node = ctx_.in.services[leg.service].route[leg.board];
  const YardState *y = facilities_.node(node).yard.get();
  const Node &n = ctx_.net.nodes[node];
  // A consignment larger than the whole yard never enters it (it could never be admitted); one
  // leaving on a mode the yard does not serve waits outside it.
  if (y && n.yard->serves(ctx_.in.services[leg.service].mode) && k.teu <= y->slots + teu_eps)
    yard_enter(c, node);
  else
    enqueue(c);
}

void Stops::yard_enter(std::uint32_t c, NodeIndex node) {
  YardState &y = *facilities_.node(node).yard;
  Consignment &k = boxes_[c];
  if (y.try_enter(ctx_.eng.now(), k.teu)) {
    k.in_yard = true;
    enqueue(c);
    return;
  }
  k.blocked_since = ctx_.eng.now();
  y.hold(c, k.teu, ctx_.eng.now());
}

void Stops::yard_leave(std::uint32_t c, NodeIndex node) {
  YardState &y = *facilities_.node(node).yard;
  y.used -= boxes_[c].teu;
  boxes_[c].in_yard = false;
  // Admit the held consignments in their order of arrival while they fit.
  while (!y.blocked.empty() && y.fits(boxes_[y.blocked.front()].teu)) {
    Consignment &k = boxes_[y.blocked.front()];
    const double waited = hours(ctx_.eng.now() - k.blocked_since);
    k.wait[idx(WaitCause::YardFull)] += waited;
    const std::uint32_t b = y.blocked.front();
    y.admit_held(k.teu, waited);
    k.in_yard = true;
    enqueue(b);
  }
  y.record(ctx_.eng.now());
}

void Stops::enqueue(std::uint32_t c, bool rolled) {
  Consignment &k = boxes_[c];
  const PlannedLeg &leg = k.legs[k.leg];
  StopQueue &q = queues_[leg.service][leg.board];
  q.waiting.push_back(c);
  q.teu += k.teu;
  k.queued_since = ctx_.eng.now();
  k.rolled_since = -1;
  k.moved_after_roll = rolled;
  ctx_.trace(TraceEvent::Kind::Queued, k.id, 0, leg.service,
             ctx_.in.services[leg.service].route[leg.board], k.teu);
  if (ctx_.in.services[leg.service].schedule.kind == Schedule::Kind::Dispatch)
    check_dispatch(leg.service, leg.board);
  else if (ctx_.in.services[leg.service].extra && leg.board == 0)
    check_extra(leg.service);
}

void Stops::check_extra(ServiceIndex s) {
  const ExtraDepartures &e = *ctx_.in.services[s].extra;
  if (boarding_ || queues_[s][0].teu < e.when_waiting.value() - teu_eps ||
      ctx_.in.service_cut[s].open_at(ctx_.eng.now()) > ctx_.eng.now())
    return;
  extra_week_.resize(ctx_.in.services.size(), {-1, 0});
  auto &[week, count] = extra_week_[s];
  const std::int64_t now_week = ctx_.eng.now() / to_ticks(Hours(hours_per_week));
  if (week != now_week) {
    week = now_week;
    count = 0;
  }
  if (count < e.per_week && launch_(s, 0, true))
    ++count;
}

// Dispatch rule: a vehicle leaves as soon as the waiting cargo fills it (when_full), and at
// the latest max_wait after the oldest waiting consignment arrived.
void Stops::check_dispatch(ServiceIndex s, std::size_t stop) {
  StopQueue &q = queues_[s][stop];
  const Schedule &sch = ctx_.in.services[s].schedule;
  if (const Tick open = ctx_.in.service_cut[s].open_at(ctx_.eng.now()); open > ctx_.eng.now()) {
    if (!q.waiting.empty() && !ctx_.eng.is_pending(q.dispatch_timer)) // closed: leave when it opens
      q.dispatch_timer = ctx_.eng.schedule_at(open, [this, s, stop] { dispatch_due(s, stop); });
    return;
  }
  const double cap = ctx_.capacity_now(s);
  while (sch.when_full && !q.waiting.empty() && q.teu >= cap - teu_eps) {
    ctx_.eng.cancel(q.dispatch_timer);
    if (!launch_(s, stop, false))
      return; // no vehicle of its fleet here: vehicle_ready() checks again
  }
  if (q.waiting.empty() || ctx_.eng.is_pending(q.dispatch_timer))
    return;
  const Tick due = boxes_[q.waiting.front()].queued_since + to_ticks(sch.max_wait);
  q.dispatch_timer = ctx_.eng.schedule_at(std::max(due, ctx_.eng.now()),
                                          [this, s, stop] { dispatch_due(s, stop); });
}

void Stops::dispatch_due(ServiceIndex s, std::size_t stop) {
  queues_[s][stop].dispatch_timer = EventId{};
  if (!queues_[s][stop].waiting.empty() &&
      ctx_.in.service_cut[s].open_at(ctx_.eng.now()) == ctx_.eng.now() && !launch_(s, stop, false))
    return; // no vehicle of its fleet here: vehicle_ready() checks again
  check_dispatch(s, stop);
}

void Stops::deliver(std::uint32_t c) {
  const Consignment &k = boxes_[c];
  results_.delivered(k);
  ctx_.trace(TraceEvent::Kind::Delivered, k.id, 0, UINT32_MAX, ctx_.net.demand[k.flow].destination,
             k.teu);
  boxes_.free(c);
}

double Stops::waiting_teu(ServiceIndex s) const {
  double teu = 0.0;
  for (const StopQueue &q : queues_[s])
    teu += q.teu;
  return teu;
}

double Stops::to_other_gauge_teu(const Trip &t, std::size_t stop) const {
  double teu = 0.0;
  for (std::uint32_t c : t.aboard) {
    const Consignment &k = boxes_[c];
    if (k.current().alight != stop || k.leg + 1 >= k.legs.size())
      continue;
    const PlannedLeg &next = k.legs[k.leg + 1];
    const Service &onward = ctx_.in.services[next.service];
    if (onward.mode != Mode::Rail)
      continue;
    const Gauge g = next_gauge(ctx_.net, onward, next.board);
    if (g != Gauge::None && g != Gauge::Dual && g != t.gauge)
      teu += k.teu;
  }
  return teu;
}

bool Stops::changes_to_land_ride_at(const Trip &t, std::size_t stop) const {
  return std::any_of(t.aboard.begin(), t.aboard.end(), [&](std::uint32_t c) {
    const Consignment &k = boxes_[c];
    return k.current().alight == stop && k.leg + 1 < k.legs.size() &&
           ctx_.in.services[k.legs[k.leg + 1].service].mode != Mode::Sea;
  });
}

double Stops::alighting_teu(const Trip &t, std::size_t stop) const {
  double teu = 0.0;
  for (std::uint32_t c : t.aboard)
    if (boxes_[c].legs[boxes_[c].leg].alight == stop)
      teu += boxes_[c].teu;
  return teu;
}

// Loads waiting consignments in their order of arrival, skipping those that do not fit in the
// room left (first fit). Those left behind by a timetabled vehicle are rolled over.
double Stops::board(Trip &t, std::size_t stop) {
  StopQueue &q = queues_[t.service][stop];
  std::vector<std::uint32_t> stay;
  std::vector<std::uint32_t> boarded;
  std::vector<std::uint32_t> left_behind;
  boarding_ = true; // no extra departure starts while this one boards (check_extra)
  pick(t, stop, boarded, stay, left_behind);
  q.waiting.swap(stay);
  if (t.key >= 0)
    planner_.departed(t.service, stop, t.key);
  double teu = 0.0;
  const NodeIndex node = ctx_.in.services[t.service].route[stop];
  for (std::uint32_t c : boarded) {
    teu += boxes_[c].teu;
    q.teu -= boxes_[c].teu;
    if (boxes_[c].in_yard)
      yard_leave(c, node); // may admit held consignments, which join the queues
  }
  if (ctx_.in.options->replan)
    for (std::uint32_t c : left_behind)
      replan_waiting(c, t.service, stop);
  if (q.waiting.empty())
    q.teu = 0.0; // no drift from fractional sizes
  boarding_ = false;
  return teu;
}

void Stops::pick(Trip &t, std::size_t stop, std::vector<std::uint32_t> &boarded,
                 std::vector<std::uint32_t> &stay, std::vector<std::uint32_t> &left_behind) {
  const StopQueue &q = queues_[t.service][stop];
  const NodeIndex node = ctx_.in.services[t.service].route[stop];
  // An extra departure leaves no one behind: the boxes it cannot take wait for their trains.
  const bool timetabled =
      ctx_.in.services[t.service].schedule.kind != Schedule::Kind::Dispatch && !t.extra;
  // Consignments booked on this departure first (their room was kept), then the others in
  // their order of arrival: unbooked ones and those that missed their booked departure; last
  // those booked on a later departure, into the room left (a train running late, or room
  // freed since they booked). On a timetabled departure the others take only room that no box
  // joining at a later stop has booked, and book it.
  std::vector<std::uint32_t> later;
  for (int pass = 0; pass < 2; ++pass)
    for (std::uint32_t c : q.waiting) {
      Consignment &k = boxes_[c];
      const Tick booked_trip = k.legs[k.leg].trip;
      const bool booked_here = t.key >= 0 && booked_trip == t.key;
      if (t.key >= 0 && (pass == 0) != booked_here)
        continue; // not in this pass
      if (t.key < 0 && pass == 1)
        continue;                            // dispatch vehicles: one pass
      if (booked_trip > t.key && !t.extra) { // booked on a later departure: room left?
        later.push_back(c);
        continue;
      }
      const bool fits =
          booked_here || !timetabled ? t.load + k.teu <= t.capacity + teu_eps : fits_on(t, k);
      if (!fits) {
        if (timetabled && k.rolled_since < 0) {
          k.rolled_since = ctx_.eng.now();
          k.rolled_by = t.service;
          results_.service(t.service).rolled_teu += k.teu;
          left_behind.push_back(c);
        }
        stay.push_back(c);
        continue;
      }
      if (booked_here || t.key < 0 || (t.extra && booked_trip < 0)) {
        account_boarding(t, c, node);
        boarded.push_back(c);
      } else {
        take_room(t, c, node, boarded);
      }
    }
  for (std::uint32_t c : later) {
    if (fits_on(t, boxes_[c]))
      take_room(t, c, node, boarded);
    else
      stay.push_back(c); // it keeps its booking: not rolled over
  }
  if (t.key >= 0) // keep the queue in order of arrival
    std::sort(stay.begin(), stay.end(), [this](std::uint32_t a, std::uint32_t b) {
      return boxes_[a].queued_since != boxes_[b].queued_since
                 ? boxes_[a].queued_since < boxes_[b].queued_since
                 : boxes_[a].id < boxes_[b].id;
    });
}

// On every leg it would ride: what boxes joining later have booked on `t`, what rides aboard
// unbooked on `t` (the ledger does not hold it), and the box itself must fit.
bool Stops::fits_on(const Trip &t, const Consignment &k) const {
  if (t.load + k.teu > t.capacity + teu_eps)
    return false;
  const PlannedLeg &leg = k.current();
  for (std::size_t j = leg.board; j < leg.alight; ++j) {
    double used = planner_.booked_on(t.key, t.service, j);
    for (std::uint32_t c : t.aboard) {
      const PlannedLeg &on = boxes_[c].current();
      if (on.trip != t.key && on.alight > j)
        used += boxes_[c].teu;
    }
    if (used + k.teu > t.capacity + teu_eps)
      return false;
  }
  return true;
}

// It gives the room it held elsewhere back; on a timetabled departure it books this one's
// instead, so the room it takes is not sold again.
void Stops::take_room(Trip &t, std::uint32_t c, NodeIndex node,
                      std::vector<std::uint32_t> &boarded) {
  Consignment &k = boxes_[c];
  planner_.unbook_leg(k.legs[k.leg], k.teu);
  k.legs[k.leg].trip = t.extra ? -1 : t.key;
  planner_.book_leg(k.legs[k.leg], k.teu);
  account_boarding(t, c, node);
  boarded.push_back(c);
}

void Stops::account_boarding(Trip &t, std::uint32_t c, NodeIndex node) {
  Consignment &k = boxes_[c];
  charge_wait(k);
  k.snapshot = t.clock;
  k.boarded_once = true;
  t.aboard.push_back(c);
  t.load += k.teu;
  ctx_.trace(TraceEvent::Kind::Boarded, k.id, t.number, t.service, node, k.teu);
}

void Stops::charge_wait(Consignment &k) {
  const Tick rolled_from = k.moved_after_roll ? k.queued_since : k.rolled_since;
  if (rolled_from >= 0) {
    const double rolled = hours(ctx_.eng.now() - rolled_from);
    k.wait[idx(WaitCause::Departure)] += hours(rolled_from - k.queued_since);
    k.wait[idx(WaitCause::RolledOver)] += rolled;
    results_.service(k.rolled_by).rolled_teu_hours += rolled * k.teu;
  } else {
    k.wait[idx(WaitCause::Departure)] += hours(ctx_.eng.now() - k.queued_since);
  }
}

// Consignments whose ride ends here take the vehicle's causes since they boarded, then go on
// to their next leg or are delivered.
void Stops::alight(Trip &t, std::size_t stop) {
  std::vector<std::uint32_t> off;
  std::size_t keep = 0;
  for (std::uint32_t c : t.aboard) {
    if (boxes_[c].legs[boxes_[c].leg].alight == stop)
      off.push_back(c);
    else
      t.aboard[keep++] = c;
  }
  t.aboard.resize(keep);
  const NodeIndex node = ctx_.in.services[t.service].route[stop];
  for (std::uint32_t c : off) {
    Consignment &k = boxes_[c];
    for (int i = 0; i < wait_cause_count; ++i)
      k.wait[i] += t.clock[i] - k.snapshot[i];
    t.load -= k.teu;
    ctx_.trace(TraceEvent::Kind::Alighted, k.id, t.number, t.service, node, k.teu);
    ++k.leg;
    to_next_leg(c);
  }
  if (t.aboard.empty())
    t.load = 0.0;
}

} // namespace corsim::model::detail
