// Vehicles: timetabled departures and one process per trip that calls at each stop of its
// service and runs its legs. What happens at customs, the checkpoint, the cranes and the gauge
// change is in facility_calls.cpp; the berth, the link's paths and its single track are held
// here (call() and ride()).
#include "vehicles.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

namespace {
Process return_wagons(Engine &eng, GaugeYard &g, int wagons, Hours turnaround) {
  co_await delay(turnaround);
  co_await g.wagons->put(wagons);
  g.wagons_out.add(eng.now(), -wagons);
}
} // namespace

Vehicles::Vehicles(Context &ctx, Facilities &facilities, Stops &stops, ResultsCollector &results)
    : ctx_(ctx), facilities_(facilities), stops_(stops), results_(results) {
  for (const Link &l : ctx.net.links)
    link_rng_.push_back(ctx.stream("link", l.id));
  for (std::size_t d = 0; d < ctx.net.disruptions.size(); ++d) {
    const std::string &id = ctx.net.disruptions[d].id;
    weather_rng_.push_back(ctx.stream("disruption", id.empty() ? "#" + std::to_string(d) : id));
  }
  place_fleets();
}

void Vehicles::finished(const Trip &t) {
  const Service &s = ctx_.in.services[t.service];
  if (t.background) {
    results_.background_left(t.service - ctx_.in.background_begin, t.entered);
    return;
  }
  if (t.boarded <= teu_eps)
    ++results_.service(t.service).empty_trips;
  if (s.fleet != no_fleet)
    spawn(ctx_.eng, turn_around(s.fleet, s.route.back(), t.vehicle));
}

Process Vehicles::timetable_departures(ServiceIndex s) {
  Tick from = ctx_.eng.now();
  for (;;) {
    const double next = ctx_.in.timetable->next_departure(s, 0, to_hours(from)).value();
    if (!std::isfinite(next) || to_ticks(next) > ctx_.end)
      co_return;
    co_await delay(std::max<Tick>(0, to_ticks(next) - ctx_.eng.now()));
    // A closed service's departures are cancelled, and so are those without a vehicle.
    const bool open = ctx_.in.service_cut[s].factor_at(ctx_.eng.now()) > 0.0;
    if (!open || !launch(s, 0)) {
      results_.service(s).no_vehicle += open ? 1 : 0;
      stops_.departure_cancelled(s, ctx_.eng.now());
    }
    from = ctx_.eng.now() + 1;
  }
}

bool Vehicles::launch(ServiceIndex s, std::size_t stop, bool extra) {
  const std::optional<std::uint64_t> vehicle = take_vehicle(s, stop);
  if (!vehicle)
    return false;
  start(s, stop, *vehicle, extra);
  return true;
}

void Vehicles::start(ServiceIndex s, std::size_t stop, std::uint64_t vehicle, bool extra) {
  Trip t;
  t.vehicle = vehicle;
  t.number = next_trip_++;
  t.service = s;
  t.capacity = ctx_.capacity_now(s);
  const Service &svc = ctx_.in.services[s];
  t.extra = extra;
  if (svc.schedule.kind != Schedule::Kind::Dispatch && !extra)
    t.key = ctx_.eng.now(); // launched at its timetabled departure from the first stop
  if (svc.mode == Mode::Rail)
    t.gauge = next_gauge(ctx_.net, svc, stop);
  t.boarded_first = stops_.board(t, stop);
  t.boarded = t.boarded_first;
  ++results_.service(s).departures;
  results_.service(s).teu_loaded += t.boarded_first;
  spawn(ctx_.eng, trip(std::move(t), stop), priority_urgent);
}

void Vehicles::launch_background(ServiceIndex s, double teu) {
  Trip t;
  t.number = next_trip_++;
  t.service = s;
  t.background = true;
  t.entered = ctx_.eng.now();
  t.load = teu;
  t.capacity = teu;
  if (ctx_.in.services[s].mode == Mode::Rail)
    t.gauge = next_gauge(ctx_.net, ctx_.in.services[s], 0);
  results_.background_entered(s - ctx_.in.background_begin, teu);
  spawn(ctx_.eng, trip(std::move(t), 0), priority_urgent);
}

Tick Vehicles::closed_for(const Timeline &cut, Trip &t) const {
  const Tick now = ctx_.eng.now();
  const Tick held = cut.open_at(now) - now;
  if (held > 0)
    t.clock[idx(WaitCause::Closure)] += hours(held);
  return held;
}

Process Vehicles::trip(Trip t, std::size_t start) {
  const Service &s = ctx_.in.services[t.service];
  for (std::size_t i = start; i < s.route.size(); ++i) {
    co_await sub(ctx_.eng, call(t, i, start));
    if (i + 1 == s.route.size())
      break;
    ctx_.trace(TraceEvent::Kind::Departed, 0, t.number, t.service, s.route[i], t.load);
    if (t.wagons_held > 0) {
      spawn(ctx_.eng, return_wagons(ctx_.eng, *t.wagons_from, t.wagons_held,
                                    ctx_.net.nodes[s.route[i]].gauge_change->wagon_turnaround));
      t.wagons_held = 0;
    }
    if (!t.background)
      results_.service(t.service).load_factor.add(t.load / ctx_.in.capacity[t.service].value());
    co_await sub(ctx_.eng, ride(t, i));
  }
  finished(t);
}

// Everything a vehicle does at stop i; the first stop only loads, the last only unloads.
Process Vehicles::call(Trip &t, std::size_t i, std::size_t start) {
  const Service &s = ctx_.in.services[t.service];
  const NodeIndex node = s.route[i];
  NodeState &ns = facilities_.node(node);
  const bool first = i == start;
  const bool last = i + 1 == s.route.size();
  if (const Tick held = closed_for(ctx_.in.node_cut[node], t); held > 0)
    co_await delay(held); // held at the closed node
  if (!first) {
    ctx_.trace(TraceEvent::Kind::Arrived, 0, t.number, t.service, node, t.load);
    co_await sub(ctx_.eng, facilities_.border(t, node, customs_on_arrival(t, i), true));
  }
  const bool berth = s.vehicle.type == VehicleType::Vessel && ns.berths;
  ResourceLock lock;
  if (berth) {
    const Tick since = ns.berths->arrive(ctx_.eng.now());
    lock = co_await ns.berths->res.acquire();
    ns.berths->start(ctx_.eng.now(), since, t.load, t.background);
    t.clock[idx(WaitCause::Loading)] += hours(ctx_.eng.now() - since);
  }
  if (!first) {
    if (s.mode == Mode::Rail && !t.background) // boxes for a train of the other gauge
      if (const double teu = stops_.to_other_gauge_teu(t, i); teu > teu_eps)
        co_await sub(ctx_.eng, facilities_.lift_to_other_gauge(t, node, teu));
    co_await sub(ctx_.eng, facilities_.cranes(t, node, unloading(t, i, last)));
    if (!t.background)
      stops_.alight(t, i);
  }
  // The scheduled stop before loading: a box that reaches the stop while the train stands
  // there boards it, as the timetable (departure = arrival + dwell) plans.
  if (const Hours dwell = s.stop_dwell(i); !first && !last && dwell.value() > 0.0) {
    t.clock[idx(WaitCause::StopDwell)] += dwell.value();
    co_await delay(dwell);
  }
  if (!last) {
    if (s.mode == Mode::Rail)
      co_await sub(ctx_.eng, facilities_.change_gauge(t, i));
    co_await sub(ctx_.eng, facilities_.cranes(t, node, loading(t, i, first)));
  }
  if (berth) {
    lock.release();
    ns.berths->finish(ctx_.eng.now());
  }
  if (first && !last && customs_on_departure(t))
    co_await sub(ctx_.eng, facilities_.border(t, node, true, false));
}

// Where customs clears (docs/model.md, "Customs"): a vessel at its first port after loading and
// at its last before unloading (one clearance per port call, for all aboard; none at ports it
// passes); a train or truck at every node with customs it passes, and at its last stop when a
// box aboard changes there to another train or truck (a change to a vessel clears with the
// vessel); the boxes' own origin and destination only with customs_at_ends.
bool Vehicles::customs_on_arrival(const Trip &t, std::size_t i) const {
  const Service &s = ctx_.in.services[t.service];
  const bool last = i + 1 == s.route.size();
  if (s.mode == Mode::Sea)
    return last;
  return !last || ctx_.in.options->customs_at_ends ||
         (!t.background && stops_.changes_to_land_ride_at(t, i));
}

bool Vehicles::customs_on_departure(const Trip &t) const {
  return ctx_.in.services[t.service].mode == Mode::Sea || ctx_.in.options->customs_at_ends;
}

// TEU unloaded at stop i: those alighting; a background vehicle's whole load at its last stop.
double Vehicles::unloading(const Trip &t, std::size_t i, bool last) const {
  return t.background ? (last ? t.load : 0.0) : stops_.alighting_teu(t, i);
}

// TEU loaded at stop i (boarding them): a background vehicle's load at its first stop only.
double Vehicles::loading(Trip &t, std::size_t i, bool first) {
  if (t.background)
    return first ? t.load : 0.0;
  if (first)
    return t.boarded_first;
  const double teu = stops_.board(t, i);
  t.boarded += teu;
  return teu;
}

// Leg i: a path on the link (entries in one direction at least a headway apart, in the order
// vehicles ask), the single track if the link is one, then the running time.
Process Vehicles::ride(Trip &t, std::size_t i) {
  const Service &s = ctx_.in.services[t.service];
  const LinkIndex l = s.legs[i];
  LinkState &ls = facilities_.link(l);
  const Timeline &cut = ctx_.in.link_cut[l];
  if (const Tick held = closed_for(cut, t); held > 0)
    co_await delay(held); // the link is closed
  const Tick since = ctx_.eng.now();
  if (ls.headway > 0.0) {
    const int dir = ctx_.net.links[l].from == s.route[i] ? 0 : 1;
    const Tick entry = ls.book_entry(dir, ctx_.eng.now(), cut);
    if (entry > ctx_.eng.now()) { // only vehicles that wait count in the queue
      ls.paths.queue.add(ctx_.eng.now(), 1.0);
      co_await delay(entry - ctx_.eng.now());
      ls.paths.queue.add(ctx_.eng.now(), -1.0);
    }
    ls.entered(ctx_.eng.now(), since, t.load, dir, t.background);
  }
  ResourceLock track;
  if (ls.single) {
    const Tick asked = ls.single->arrive(ctx_.eng.now());
    track = co_await ls.single->res.acquire();
    ls.single->start(ctx_.eng.now(), asked, t.load, t.background);
  }
  t.clock[idx(WaitCause::LinkQueue)] += hours(ctx_.eng.now() - since);
  if (ctx_.eng.now() >= ctx_.warmup_end && !t.background) { // the corridor's own traffic
    ls.teu += t.load;
    ++ls.vehicles;
  }
  co_await delay(run_leg(t, i));
  if (ls.single) {
    track.release();
    ls.single->finish(ctx_.eng.now());
  }
}

// Running time of leg i and the causes it is charged to; trucks follow the driver-hours rules.
Hours Vehicles::run_leg(Trip &t, std::size_t i) {
  const Service &s = ctx_.in.services[t.service];
  const Link &l = ctx_.net.links[s.legs[i]];
  double weather = 0.0; // extra hours from weather disruptions under way as the leg begins
  for (const WeatherWindow &w : ctx_.in.link_weather[s.legs[i]])
    if (w.start <= ctx_.eng.now() && ctx_.eng.now() < w.end)
      weather += std::max(
          0.0, sample(ctx_.net.disruptions[w.disruption].delay, weather_rng_[w.disruption]));
  t.clock[idx(WaitCause::Weather)] += weather;
  double h;
  if (s.vehicle.type == VehicleType::Vessel && s.vehicle.speed.value() > 0.0)
    h = l.length.value() / s.vehicle.speed.value();
  else
    h = std::max(0.0, sample(l.running_time, link_rng_[s.legs[i]]));
  const DriveTime d =
      run_link(l, Hours(h), t.driver, ctx_.in.timetable->graph().options().driver_hours);
  if (s.mode == Mode::Road) {
    t.clock[idx(WaitCause::Driving)] += d.driving.value();
    t.clock[idx(WaitCause::DriverRest)] += d.rest.value();
  } else {
    t.clock[idx(s.mode == Mode::Sea ? WaitCause::SeaPassage : WaitCause::RailRunning)] += h;
  }
  return d.elapsed() + Hours(weather);
}

} // namespace corsim::model::detail
