// Vehicles: timetabled departures and one coroutine per trip that calls at each stop of its
// service (border, berth, unloading, gauge change, loading, dwell) and runs its legs.
#include "replication.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim::model::detail {

namespace {
constexpr double teu_eps = 1e-9;

double hours(Tick dt) { return to_time(dt); }
int idx(WaitCause c) { return static_cast<int>(c); }

/// Starts `p` now and returns the signal of its end, for `co_await sub(...)`.
Signal &sub(Engine &eng, Process p) { return spawn(eng, std::move(p), priority_urgent).done(); }

Tick queue_in(Station &st, Engine &eng) {
  st.queue.add(eng.now(), 1.0);
  return eng.now();
}

void queue_out(Station &st, Engine &eng, Tick since, double load) {
  const double w = hours(eng.now() - since);
  st.queue.add(eng.now(), -1.0);
  st.wait.add(w);
  st.delay_teu_hours += w * load;
  ++st.visits;
  st.busy.add(eng.now(), 1.0);
}

bool is_rail_gauge(Gauge g) { return g == Gauge::Standard || g == Gauge::Broad; }

/// Gauge of the first leg from `leg` on that is on one gauge only; None if all are dual.
Gauge next_gauge(const Network &net, const Service &s, std::size_t leg) {
  for (std::size_t i = leg; i < s.legs.size(); ++i)
    if (is_rail_gauge(net.links[s.legs[i]].gauge))
      return net.links[s.legs[i]].gauge;
  return Gauge::None;
}

Process return_wagons(Engine &eng, GaugeYard &g, int wagons, Hours turnaround) {
  co_await delay(turnaround);
  co_await g.wagons->put(wagons);
  g.wagons_out.add(eng.now(), -wagons);
}
} // namespace

Process Replication::timetable_departures(std::uint32_t s) {
  Tick from = eng.now();
  for (;;) {
    const double next = in.timetable->next_departure(s, 0, to_hours(from)).value();
    if (!std::isfinite(next) || to_ticks(next) > end)
      co_return;
    co_await delay(std::max<Tick>(0, to_ticks(next) - eng.now()));
    if (in.service_cut[s].factor_at(eng.now()) > 0.0) // a closed service's departures are cancelled
      launch(s, 0);
    from = eng.now() + 1;
  }
}

// Boards at once (so that a dispatch rule sees the queue emptied), then starts the trip.
void Replication::launch(std::uint32_t s, std::size_t stop) {
  Trip t;
  t.number = next_trip++;
  t.service = s;
  t.capacity = capacity_now(s);
  const Service &svc = in.services[s];
  if (svc.schedule.kind != Schedule::Kind::Dispatch)
    t.key = eng.now(); // launched at its timetabled departure from the first stop
  if (svc.mode == Mode::Rail)
    t.gauge = next_gauge(net, svc, stop);
  t.boarded_first = board(t, stop);
  ++service_stats[s].departures;
  service_stats[s].teu_loaded += t.boarded_first;
  spawn(eng, trip(std::move(t), stop), priority_urgent);
}

Process Replication::trip(Trip t, std::size_t start) {
  const Service &s = in.services[t.service];
  for (std::size_t i = start; i < s.route.size(); ++i) {
    co_await sub(eng, call(t, i, start));
    if (i + 1 == s.route.size())
      break;
    trace(TraceEvent::Kind::Departed, 0, t.number, t.service, s.route[i], t.load);
    if (t.wagons_held > 0) {
      spawn(eng, return_wagons(eng, *t.wagons_from, t.wagons_held,
                               net.nodes[s.route[i]].gauge_change->wagon_turnaround));
      t.wagons_held = 0;
    }
    service_stats[t.service].load_factor.add(t.load / in.capacity[t.service].value());
    co_await sub(eng, ride(t, i));
  }
}

// Everything a vehicle does at stop i; the first stop only loads, the last only unloads.
Process Replication::call(Trip &t, std::size_t i, std::size_t start) {
  const Service &s = in.services[t.service];
  const NodeIndex node = s.route[i];
  NodeState &ns = nodes[node];
  const bool first = i == start;
  const bool last = i + 1 == s.route.size();
  const bool ends = in.options->customs_at_ends;
  if (const Tick open = in.node_cut[node].open_at(eng.now()); open > eng.now()) {
    t.clock[idx(WaitCause::Closure)] += hours(open - eng.now()); // held at the closed node
    co_await delay(open - eng.now());
  }
  if (!first) {
    trace(TraceEvent::Kind::Arrived, 0, t.number, t.service, node, t.load);
    co_await sub(eng, border(t, node, !last || ends, true));
  }
  const bool berth = s.vehicle.type == VehicleType::Vessel && ns.berths;
  ResourceLock lock;
  if (berth) {
    const Tick since = queue_in(*ns.berths, eng);
    lock = co_await ns.berths->res.acquire();
    queue_out(*ns.berths, eng, since, t.load);
    t.clock[idx(WaitCause::Loading)] += hours(eng.now() - since);
  }
  if (!first) {
    co_await sub(eng, cranes(t, node, alighting_teu(t, i)));
    alight(t, i);
  }
  if (!last) {
    if (s.mode == Mode::Rail)
      co_await sub(eng, change_gauge(t, i));
    const double moves = first ? t.boarded_first : board(t, i);
    co_await sub(eng, cranes(t, node, moves));
  }
  if (berth) {
    lock.release();
    ns.berths->busy.add(eng.now(), -1.0);
  }
  if (first && ends && !last)
    co_await sub(eng, border(t, node, true, false));
  if (!first && !last && s.dwell.value() > 0.0) {
    t.clock[idx(WaitCause::StopDwell)] += s.dwell.value();
    co_await delay(s.dwell);
  }
}

// Customs for trains and trucks (vessels clear in port, not modelled); road checkpoints for
// trucks arriving at them.
Process Replication::border(Trip &t, NodeIndex node, bool customs, bool checkpoint_too) {
  const Service &s = in.services[t.service];
  const Node &n = net.nodes[node];
  NodeState &ns = nodes[node];
  if (customs && s.mode != Mode::Sea && ns.customs) {
    const Tick since = queue_in(*ns.customs, eng);
    auto lane = co_await ns.customs->res.acquire();
    queue_out(*ns.customs, eng, since, t.load);
    RandomStream &r = node_rng[node];
    double h = sample(n.customs->time, r);
    if (n.customs->inspection_share > 0.0 && r.uniform01() < n.customs->inspection_share)
      h += sample(n.customs->inspection_time, r);
    co_await delay(Hours(std::max(0.0, h)));
    ns.customs->busy.add(eng.now(), -1.0);
    t.clock[idx(WaitCause::Customs)] += hours(eng.now() - since);
  }
  if (checkpoint_too && s.mode == Mode::Road && ns.checkpoint)
    co_await sub(eng, checkpoint(t, node));
}

// Lanes under the checkpoint's calendar, and a daily quota of trucks: a truck over the quota
// waits for the next day (midnight of the simulation clock).
Process Replication::checkpoint(Trip &t, NodeIndex node) {
  const RoadCheckpoint &cp = *net.nodes[node].road_checkpoint;
  NodeState &ns = nodes[node];
  const double quota_base = per_day(cp.daily_quota);
  const Tick since = queue_in(*ns.checkpoint, eng);
  ResourceLock lane;
  for (;;) {
    lane = co_await ns.checkpoint->res.acquire();
    const auto day = static_cast<std::int64_t>(std::floor(eng.time() / hours_per_day));
    if (day != ns.quota_day) {
      ns.quota_day = day;
      ns.quota_used = 0;
    }
    const double quota = quota_base * in.node_cut[node].factor_at(eng.now());
    if (quota_base <= 0.0 || ns.quota_used < quota)
      break;
    lane.release();
    co_await delay(Hours(static_cast<double>(day + 1) * hours_per_day - eng.time()));
  }
  ++ns.quota_used;
  queue_out(*ns.checkpoint, eng, since, t.load);
  co_await delay(Hours(std::max(0.0, sample(cp.time, node_rng[node]))));
  ns.checkpoint->busy.add(eng.now(), -1.0);
  t.clock[idx(WaitCause::RoadBorderQueue)] += hours(eng.now() - since);
}

// Moves of `teu` boxes (one TEU per move): by the berth's cranes for a vessel in port, else
// by the node's crane gang, which serves one vehicle at a time.
Process Replication::cranes(Trip &t, NodeIndex node, double teu) {
  if (teu <= teu_eps)
    co_return;
  const Service &s = in.services[t.service];
  const Node &n = net.nodes[node];
  NodeState &ns = nodes[node];
  const Tick since = eng.now();
  if (s.vehicle.type == VehicleType::Vessel && n.seaport) {
    const double rate = n.seaport->cranes_per_berth * n.seaport->moves_per_crane.value();
    co_await delay(Hours(teu / rate));
  } else if (ns.handling) {
    queue_in(*ns.handling, eng);
    auto gang = co_await ns.handling->res.acquire();
    queue_out(*ns.handling, eng, since, t.load);
    const double f = in.node_cut[node].factor_at(eng.now()); // a capacity cut slows the gang
    const double rate = n.handling->cranes * n.handling->moves_per_crane.value();
    co_await delay(Hours(teu / (rate * (f > 0.0 ? f : 1.0))));
    ns.handling->busy.add(eng.now(), -1.0);
  }
  t.clock[idx(WaitCause::Loading)] += hours(eng.now() - since);
}

// Break of gauge inside a through service: the boxes aboard are lifted onto wagons of the
// other gauge, taken from the yard's pool, on one transfer track at its lifting rate.
Process Replication::change_gauge(Trip &t, std::size_t i) {
  const Service &s = in.services[t.service];
  const NodeIndex node = s.route[i];
  const Gauge to = next_gauge(net, s, i);
  const bool here = is_rail_gauge(net.links[s.legs[i]].gauge) || nodes[node].gauge;
  if (!is_rail_gauge(t.gauge) || to == Gauge::None || to == t.gauge || !here)
    co_return;
  t.gauge = to;
  GaugeYard *g = nodes[node].gauge.get();
  if (!g) {
    note_once("gauge changes at " + net.nodes[node].id + " without a gauge-change yard (instant)");
    co_return;
  }
  if (t.load <= teu_eps)
    co_return;
  const Tick since = eng.now();
  if (g->wagons)
    co_await sub(eng, take_wagons(t, node));
  const Tick track_since = queue_in(g->tracks, eng);
  auto track = co_await g->tracks.res.acquire();
  queue_out(g->tracks, eng, track_since, t.load);
  t.clock[idx(WaitCause::GaugeQueue)] += hours(eng.now() - since);
  const Tick lift = eng.now();
  co_await delay(Hours(t.load / net.nodes[node].gauge_change->lifts_per_track.value()));
  g->tracks.busy.add(eng.now(), -1.0);
  t.clock[idx(WaitCause::Transfer)] += hours(eng.now() - lift);
}

// Wagons of the onward gauge for the load aboard; a pool that runs short makes trains wait.
Process Replication::take_wagons(Trip &t, NodeIndex node) {
  GaugeYard &g = *nodes[node].gauge;
  const GaugeChange &gc = *net.nodes[node].gauge_change;
  int need = static_cast<int>(std::ceil(t.load / gc.teu_per_wagon.value() - teu_eps));
  if (need > gc.wagon_pool) {
    note_once("train longer than the wagon pool at " + net.nodes[node].id + " (pool used)");
    need = gc.wagon_pool;
  }
  const Tick since = eng.now();
  g.wagon_queue.add(eng.now(), 1.0);
  co_await g.wagons->get(need);
  g.wagon_queue.add(eng.now(), -1.0);
  const double w = hours(eng.now() - since);
  g.wagon_wait.add(w);
  g.wagon_delay_teu_hours += w * t.load;
  ++g.wagon_visits;
  g.wagons_out.add(eng.now(), need);
  t.wagons_held = need;
  t.wagons_from = &g;
}

// Leg i: a path on the link (entries in one direction at least a headway apart, in the order
// vehicles ask), the single track if the link is one, then the running time.
Process Replication::ride(Trip &t, std::size_t i) {
  const Service &s = in.services[t.service];
  const LinkIndex l = s.legs[i];
  LinkState &ls = links[l];
  const Timeline &cut = in.link_cut[l];
  if (const Tick open = cut.open_at(eng.now()); open > eng.now()) {
    t.clock[idx(WaitCause::Closure)] += hours(open - eng.now()); // the link is closed
    co_await delay(open - eng.now());
  }
  const Tick since = eng.now();
  if (ls.headway > 0.0) {
    const int dir = net.links[l].from == s.route[i] ? 0 : 1;
    const Tick entry = cut.open_at(std::max(eng.now(), ls.next_entry[dir]));
    ls.next_entry[dir] = entry + to_ticks(ls.headway / cut.factor_at(entry));
    if (entry > eng.now()) { // only vehicles that wait count in the queue
      ls.paths.queue.add(eng.now(), 1.0);
      co_await delay(entry - eng.now());
      ls.paths.queue.add(eng.now(), -1.0);
    }
    ls.paths.wait.add(hours(eng.now() - since));
    ls.paths.delay_teu_hours += hours(eng.now() - since) * t.load;
    ++ls.paths.visits;
  }
  ResourceLock track;
  if (ls.single) {
    const Tick asked = queue_in(*ls.single, eng);
    track = co_await ls.single->res.acquire();
    queue_out(*ls.single, eng, asked, t.load);
  }
  t.clock[idx(WaitCause::LinkQueue)] += hours(eng.now() - since);
  if (eng.now() >= warmup_end) {
    ls.teu += t.load;
    ++ls.vehicles;
  }
  co_await delay(run_leg(t, i));
  if (ls.single) {
    track.release();
    ls.single->busy.add(eng.now(), -1.0);
  }
}

// Running time of leg i and the causes it is charged to; trucks follow the driver-hours rules.
Hours Replication::run_leg(Trip &t, std::size_t i) {
  const Service &s = in.services[t.service];
  const Link &l = net.links[s.legs[i]];
  double weather = 0.0; // extra hours from weather disruptions under way as the leg begins
  for (const WeatherWindow &w : in.link_weather[s.legs[i]])
    if (w.start <= eng.now() && eng.now() < w.end)
      weather +=
          std::max(0.0, sample(net.disruptions[w.disruption].delay, weather_rng[w.disruption]));
  t.clock[idx(WaitCause::Weather)] += weather;
  double h;
  if (s.vehicle.type == VehicleType::Vessel && s.vehicle.speed.value() > 0.0)
    h = l.length.value() / s.vehicle.speed.value();
  else
    h = std::max(0.0, sample(l.running_time, link_rng[s.legs[i]]));
  if (s.mode == Mode::Road) {
    const DriveTime d = drive(t.driver, Hours(h));
    t.clock[idx(WaitCause::Driving)] += d.driving.value();
    t.clock[idx(WaitCause::DriverRest)] += d.rest.value();
    return d.driving + d.rest + Hours(weather);
  }
  t.clock[idx(s.mode == Mode::Sea ? WaitCause::SeaPassage : WaitCause::RailRunning)] += h;
  return Hours(h + weather);
}

double Replication::alighting_teu(const Trip &t, std::size_t stop) const {
  double teu = 0.0;
  for (std::uint32_t c : t.aboard)
    if (pool[c].legs[pool[c].leg].alight == stop)
      teu += pool[c].teu;
  return teu;
}

// Loads waiting consignments in their order of arrival, skipping those that do not fit in the
// room left (first fit). Those left behind by a timetabled vehicle are rolled over.
double Replication::board(Trip &t, std::size_t stop) {
  StopQueue &q = queues[t.service][stop];
  const double cap = t.capacity;
  const bool timetabled = in.services[t.service].schedule.kind != Schedule::Kind::Dispatch;
  std::vector<std::uint32_t> stay;
  std::vector<std::uint32_t> boarded;
  // Consignments booked on this departure first (their room was kept), then the others in
  // their order of arrival: unbooked ones and those that missed their booked departure.
  for (int pass = 0; pass < 2; ++pass)
    for (std::uint32_t c : q.waiting) {
      Consignment &k = pool[c];
      const Tick booked_trip = k.legs[k.leg].trip;
      if (t.key >= 0 && (pass == 0) != (booked_trip == t.key))
        continue; // not in this pass
      if (t.key < 0 && pass == 1)
        continue;                // dispatch vehicles: one pass
      if (booked_trip > t.key) { // booked on a later departure: waits for it
        stay.push_back(c);
        continue;
      }
      if (t.load + k.teu > cap + teu_eps) {
        if (timetabled && k.rolled_since < 0) {
          k.rolled_since = eng.now();
          service_stats[t.service].rolled_teu += k.teu;
        }
        stay.push_back(c);
        continue;
      }
      account_boarding(t, c, in.services[t.service].route[stop]);
      boarded.push_back(c);
    }
  if (t.key >= 0) // keep the queue in order of arrival
    std::sort(stay.begin(), stay.end(), [this](std::uint32_t a, std::uint32_t b) {
      return pool[a].queued_since != pool[b].queued_since
                 ? pool[a].queued_since < pool[b].queued_since
                 : pool[a].id < pool[b].id;
    });
  q.waiting.swap(stay);
  double teu = 0.0;
  const NodeIndex node = in.services[t.service].route[stop];
  for (std::uint32_t c : boarded) {
    teu += pool[c].teu;
    q.teu -= pool[c].teu;
    if (pool[c].in_yard)
      yard_leave(c, node); // may admit held consignments, which join the queues
  }
  if (q.waiting.empty())
    q.teu = 0.0; // no drift from fractional sizes
  return teu;
}

void Replication::account_boarding(Trip &t, std::uint32_t c, NodeIndex node) {
  Consignment &k = pool[c];
  if (k.rolled_since >= 0) {
    const double rolled = hours(eng.now() - k.rolled_since);
    k.wait[idx(WaitCause::Departure)] += hours(k.rolled_since - k.queued_since);
    k.wait[idx(WaitCause::RolledOver)] += rolled;
    service_stats[t.service].rolled_teu_hours += rolled * k.teu;
  } else {
    k.wait[idx(WaitCause::Departure)] += hours(eng.now() - k.queued_since);
  }
  k.snapshot = t.clock;
  k.boarded_once = true;
  t.aboard.push_back(c);
  t.load += k.teu;
  trace(TraceEvent::Kind::Boarded, k.id, t.number, t.service, node, k.teu);
}

// Consignments whose ride ends here take the vehicle's causes since they boarded, then go on
// to their next leg or are delivered.
void Replication::alight(Trip &t, std::size_t stop) {
  std::vector<std::uint32_t> off;
  std::size_t keep = 0;
  for (std::uint32_t c : t.aboard) {
    if (pool[c].legs[pool[c].leg].alight == stop)
      off.push_back(c);
    else
      t.aboard[keep++] = c;
  }
  t.aboard.resize(keep);
  const NodeIndex node = in.services[t.service].route[stop];
  for (std::uint32_t c : off) {
    Consignment &k = pool[c];
    for (int i = 0; i < wait_cause_count; ++i)
      k.wait[i] += t.clock[i] - k.snapshot[i];
    t.load -= k.teu;
    trace(TraceEvent::Kind::Alighted, k.id, t.number, t.service, node, k.teu);
    ++k.leg;
    to_next_leg(c);
  }
  if (t.aboard.empty())
    t.load = 0.0;
}

void Replication::note_once(const std::string &text) {
  for (const std::string &w : warnings)
    if (w == text)
      return;
  warnings.push_back(text);
}

} // namespace corsim::model::detail
