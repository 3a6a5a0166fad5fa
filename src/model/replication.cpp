// A replication's bookkeeping: consignments, yards, queues at service stops, dispatch rules,
// delivery and the warm-up reset. Vehicle trips are in trip.cpp, demand in demand.cpp.
#include "replication.hpp"

#include <cassert>
#include <cmath>

namespace corsim::model::detail {

namespace {
constexpr double teu_eps = 1e-9; // TEU sums of fractional sizes

double hours(Tick dt) { return to_time(dt); }

void build_node(NodeState &s, const Node &n, Engine &eng) {
  if (n.customs) {
    s.customs = std::make_unique<Station>(eng, n.customs->lanes);
    if (!n.customs->hours.always_open())
      s.customs->res.set_calendar(&n.customs->hours);
  }
  if (n.road_checkpoint) {
    s.checkpoint = std::make_unique<Station>(eng, n.road_checkpoint->lanes);
    if (!n.road_checkpoint->hours.always_open())
      s.checkpoint->res.set_calendar(&n.road_checkpoint->hours);
  }
  if (n.handling)
    s.handling = std::make_unique<Station>(eng, 1);
  if (n.seaport)
    s.berths = std::make_unique<Station>(eng, n.seaport->berths);
  if (n.gauge_change)
    s.gauge = std::make_unique<GaugeYard>(eng, *n.gauge_change);
  if (n.yard) {
    s.yard = std::make_unique<YardState>();
    s.yard->slots = n.yard->slots.value();
  }
}
} // namespace

void Station::reset(Tick t) {
  busy.reset(t);
  queue.reset(t);
  wait.reset();
  delay_teu_hours = 0.0;
  visits = 0;
}

GaugeYard::GaugeYard(Engine &eng, const GaugeChange &gc) : tracks(eng, gc.transfer_tracks) {
  if (gc.wagon_pool > 0)
    wagons = std::make_unique<Container>(eng, gc.wagon_pool, gc.wagon_pool);
}

// FNV-1a over "purpose/id": a stable 64-bit stream number.
std::uint64_t stream_key(const char *purpose, const std::string &id) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  };
  for (const char *p = purpose; *p; ++p)
    mix(*p);
  mix('/');
  for (char c : id)
    mix(c);
  return h;
}

LinkState::LinkState(Engine &eng, const Link &l) : paths(eng, 1) {
  if (l.capacity.value() > 0.0)
    headway = 1.0 / l.capacity.value();
  if (l.single_track)
    single = std::make_unique<Station>(eng, 1);
}

Replication::Replication(const ModelInputs &inputs, int replication)
    : in(inputs), net(*inputs.net), rep(replication) {
  const SimulationOptions &o = *in.options;
  warmup_end = to_ticks(o.warmup);
  end = to_ticks(o.warmup + o.horizon);
  nodes.resize(net.nodes.size());
  for (std::size_t n = 0; n < net.nodes.size(); ++n)
    build_node(nodes[n], net.nodes[n], eng);
  for (const Link &l : net.links)
    links.emplace_back(eng, l);
  flows.resize(net.demand.size());
  service_stats.resize(in.services.size());
  queues.resize(in.services.size());
  for (std::size_t s = 0; s < in.services.size(); ++s)
    queues[s].resize(in.services[s].route.size());
  // One stream per purpose and id (not index), so that scenarios compared on common random
  // numbers keep each process's numbers even when others are added or removed.
  const auto r = static_cast<std::uint64_t>(rep);
  auto stream = [&](const char *purpose, const std::string &id) {
    return RandomStream(o.seed, r, stream_key(purpose, id));
  };
  for (const DemandFlow &f : net.demand) {
    flow_rng.push_back(stream("flow", f.id));
    choice_rng.push_back(stream("choice", f.id));
  }
  for (const Link &l : net.links)
    link_rng.push_back(stream("link", l.id));
  for (const Node &n : net.nodes)
    node_rng.push_back(stream("node", n.id));
  for (std::size_t d = 0; d < net.disruptions.size(); ++d) {
    const std::string &id = net.disruptions[d].id;
    weather_rng.push_back(stream("disruption", id.empty() ? "#" + std::to_string(d) : id));
  }
  schedule_capacity_cuts();
}

void Replication::run() {
  for (std::uint32_t f = 0; f < net.demand.size(); ++f)
    start_flow(f);
  for (std::uint32_t s = 0; s < net.services.size(); ++s)
    if (in.services[s].schedule.kind != Schedule::Kind::Dispatch)
      spawn(eng, timetable_departures(s));
  if (warmup_end > 0)
    eng.schedule_at(
        warmup_end, [this] { reset_statistics(); }, priority_urgent);
  if (period_ > 0)
    schedule_period(warmup_end + period_);
  eng.run_until(end);
}

void Replication::every(Tick period, std::function<void(Tick)> hook) {
  period_ = period;
  period_hook_ = std::move(hook);
}

void Replication::schedule_period(Tick at) {
  if (at > end)
    return;
  eng.schedule_at(
      at,
      [this, at] {
        period_hook_(at);
        schedule_period(at + period_);
      },
      priority_late);
}

std::uint32_t Replication::new_consignment() {
  std::uint32_t c;
  if (!free_slots.empty()) {
    c = free_slots.back();
    free_slots.pop_back();
  } else {
    c = static_cast<std::uint32_t>(pool.size());
    pool.emplace_back();
  }
  std::vector<PlannedLeg> legs = std::move(pool[c].legs); // keep its capacity
  legs.clear();
  pool[c] = Consignment{};
  pool[c].legs = std::move(legs);
  pool[c].id = next_id++;
  pool[c].live = true;
  return c;
}

void Replication::free_consignment(std::uint32_t c) {
  pool[c].live = false;
  free_slots.push_back(c);
}

void Replication::to_next_leg(std::uint32_t c) {
  Consignment &k = pool[c];
  if (k.leg == k.legs.size()) {
    deliver(c);
    return;
  }
  const PlannedLeg &leg = k.legs[k.leg];
  const NodeIndex node = in.services[leg.service].route[leg.board];
  const YardState *y = nodes[node].yard.get();
  // A consignment larger than the whole yard never enters it (it could never be admitted).
  if (y && k.teu <= y->slots + teu_eps)
    yard_enter(c, node);
  else
    enqueue(c);
}

void Replication::yard_enter(std::uint32_t c, NodeIndex node) {
  YardState &y = *nodes[node].yard;
  Consignment &k = pool[c];
  if (y.blocked.empty() && y.used + k.teu <= y.slots + teu_eps) {
    y.used += k.teu;
    y.max_used = std::max(y.max_used, y.used);
    y.occupancy.set(eng.now(), y.used);
    y.wait.add(0.0);
    ++y.visits;
    k.in_yard = true;
    enqueue(c);
    return;
  }
  k.blocked_since = eng.now();
  y.blocked.push_back(c);
  y.blocked_teu += k.teu;
  y.blocked_level.set(eng.now(), y.blocked_teu);
}

void Replication::yard_leave(std::uint32_t c, NodeIndex node) {
  YardState &y = *nodes[node].yard;
  y.used -= pool[c].teu;
  pool[c].in_yard = false;
  // Admit the held consignments in their order of arrival while they fit.
  while (!y.blocked.empty() && y.used + pool[y.blocked.front()].teu <= y.slots + teu_eps) {
    const std::uint32_t b = y.blocked.front();
    y.blocked.pop_front();
    Consignment &k = pool[b];
    const double waited = hours(eng.now() - k.blocked_since);
    k.wait[static_cast<int>(WaitCause::YardFull)] += waited;
    y.wait.add(waited);
    y.delay_teu_hours += waited * k.teu;
    ++y.visits;
    y.blocked_teu -= k.teu;
    y.used += k.teu;
    y.max_used = std::max(y.max_used, y.used);
    k.in_yard = true;
    enqueue(b);
  }
  y.occupancy.set(eng.now(), y.used);
  y.blocked_level.set(eng.now(), y.blocked_teu);
}

void Replication::enqueue(std::uint32_t c) {
  Consignment &k = pool[c];
  const PlannedLeg &leg = k.legs[k.leg];
  StopQueue &q = queues[leg.service][leg.board];
  q.waiting.push_back(c);
  q.teu += k.teu;
  k.queued_since = eng.now();
  k.rolled_since = -1;
  trace(TraceEvent::Kind::Queued, k.id, 0, leg.service, in.services[leg.service].route[leg.board],
        k.teu);
  if (in.services[leg.service].schedule.kind == Schedule::Kind::Dispatch)
    check_dispatch(leg.service, leg.board);
}

// Dispatch rule: a vehicle leaves as soon as the waiting cargo fills it (when_full), and at
// the latest max_wait after the oldest waiting consignment arrived.
void Replication::check_dispatch(std::uint32_t s, std::size_t stop) {
  StopQueue &q = queues[s][stop];
  const Schedule &sch = in.services[s].schedule;
  if (const Tick open = in.service_cut[s].open_at(eng.now()); open > eng.now()) {
    if (!q.waiting.empty() && !eng.is_pending(q.dispatch_timer)) // closed: leave when it opens
      q.dispatch_timer = eng.schedule_at(open, [this, s, stop] { dispatch_due(s, stop); });
    return;
  }
  const double cap = capacity_now(s);
  while (sch.when_full && !q.waiting.empty() && q.teu >= cap - teu_eps) {
    eng.cancel(q.dispatch_timer);
    launch(s, stop);
  }
  if (q.waiting.empty() || eng.is_pending(q.dispatch_timer))
    return;
  const Tick due = pool[q.waiting.front()].queued_since + to_ticks(sch.max_wait);
  q.dispatch_timer =
      eng.schedule_at(std::max(due, eng.now()), [this, s, stop] { dispatch_due(s, stop); });
}

void Replication::dispatch_due(std::uint32_t s, std::size_t stop) {
  queues[s][stop].dispatch_timer = EventId{};
  if (!queues[s][stop].waiting.empty() && in.service_cut[s].open_at(eng.now()) == eng.now())
    launch(s, stop);
  check_dispatch(s, stop);
}

void Replication::deliver(std::uint32_t c) {
  Consignment &k = pool[c];
  FlowStats &fs = flows[k.flow];
  fs.teu.delivered += k.teu;
  if (eng.now() >= warmup_end)
    fs.delivered_teu += k.teu;
  if (k.ready >= warmup_end) {
    const double transit = hours(eng.now() - k.ready);
#ifndef NDEBUG
    double sum = 0.0;
    for (double w : k.wait)
      sum += w;
    assert(std::abs(sum - transit) < 1e-4 && "wait causes must partition the transit time");
#endif
    fs.transit.add(transit);
    fs.p50.add(transit);
    fs.p90.add(transit);
    fs.p95.add(transit);
    if (k.due == 0 || eng.now() <= k.due)
      ++fs.on_time;
    for (int i = 0; i < wait_cause_count; ++i)
      fs.wait_sum[i] += k.wait[i];
    fs.cost.add(k.cost);
    fs.co2.add(k.co2);
    std::vector<std::uint32_t> route;
    for (const PlannedLeg &l : k.legs)
      if (route.empty() || route.back() != l.service)
        route.push_back(l.service);
    fs.by_route[route].add(transit);
    const auto day = static_cast<std::size_t>(transit / hours_per_day);
    const std::size_t bin = std::min(day, max_histogram_days);
    if (fs.histogram.size() <= bin)
      fs.histogram.resize(bin + 1, 0);
    ++fs.histogram[bin];
  }
  trace(TraceEvent::Kind::Delivered, k.id, 0, UINT32_MAX, net.demand[k.flow].destination, k.teu);
  free_consignment(c);
}

void Replication::reset_statistics() {
  const Tick t = eng.now();
  for (NodeState &n : nodes) {
    for (Station *s : {n.customs.get(), n.checkpoint.get(), n.handling.get(), n.berths.get()})
      if (s)
        s->reset(t);
    if (n.gauge) {
      n.gauge->tracks.reset(t);
      n.gauge->wagons_out.reset(t);
      n.gauge->wagon_queue.reset(t);
      n.gauge->wagon_wait.reset();
      n.gauge->wagon_delay_teu_hours = 0.0;
      n.gauge->wagon_visits = 0;
    }
    if (n.yard) {
      n.yard->occupancy.reset(t);
      n.yard->blocked_level.reset(t);
      n.yard->wait.reset();
      n.yard->delay_teu_hours = 0.0;
      n.yard->visits = 0;
    }
  }
  for (LinkState &l : links) {
    l.paths.reset(t);
    if (l.single)
      l.single->reset(t);
    l.teu = 0.0;
    l.vehicles = 0;
  }
  for (ServiceStats &s : service_stats)
    s = ServiceStats{};
}

Conservation Replication::totals() const {
  Conservation c;
  for (const FlowStats &f : flows) {
    c.generated += f.teu.generated;
    c.delivered += f.teu.delivered;
    c.unroutable += f.teu.unroutable;
    c.consignments += f.teu.consignments;
  }
  for (const Consignment &k : pool)
    if (k.live)
      (k.boarded_once ? c.in_transit : c.backlog) += k.teu;
  return c;
}

void Replication::trace(TraceEvent::Kind k, std::uint64_t cons, std::uint64_t trip, std::uint32_t s,
                        NodeIndex n, double teu) const {
  if (!in.options->trace)
    return;
  in.options->trace(TraceEvent{rep, eng.time(), k, cons, trip, s, n, teu});
}

} // namespace corsim::model::detail
