// What a vehicle does at a facility: customs, the road checkpoint and its daily quota, the
// cranes, and the break of gauge with its wagon pool. Each charges the trip's cause clock.
#include "facilities.hpp"

#include <cmath>

namespace corsim::model::detail {

// Customs, when the caller says the vehicle clears here (Vehicles::customs_on_arrival); road
// checkpoints for trucks arriving at them.
Process Facilities::border(Trip &t, NodeIndex node, bool customs, bool checkpoint_too) {
  Engine &eng = ctx_.eng;
  const Service &s = ctx_.in.services[t.service];
  const Node &n = ctx_.net.nodes[node];
  NodeState &ns = nodes_[node];
  if (customs && ns.customs) {
    const Tick since = ns.customs->arrive(eng.now());
    auto lane = co_await ns.customs->res.acquire();
    ns.customs->start(eng.now(), since, t.load, t.background);
    RandomStream &r = node_rng_[node];
    // Per vehicle one clearance; per box one for each TEU aboard, one after another.
    const int clearances = n.customs->per_box ? static_cast<int>(std::ceil(t.load - teu_eps)) : 1;
    double h = 0.0;
    for (int i = 0; i < clearances; ++i) {
      h += sample(n.customs->time, r);
      if (n.customs->inspection_share > 0.0 && r.uniform01() < n.customs->inspection_share)
        h += sample(n.customs->inspection_time, r);
    }
    co_await delay(Hours(std::max(0.0, h)));
    ns.customs->finish(eng.now());
    t.clock[idx(WaitCause::Customs)] += hours(eng.now() - since);
  }
  if (checkpoint_too && s.mode == Mode::Road && ns.checkpoint)
    co_await sub(eng, checkpoint(t, node));
}

// Lanes under the checkpoint's calendar, and a daily quota of trucks: a truck over the quota
// waits for the next day (midnight of the simulation clock).
Process Facilities::checkpoint(Trip &t, NodeIndex node) {
  Engine &eng = ctx_.eng;
  const RoadCheckpoint &cp = *ctx_.net.nodes[node].road_checkpoint;
  NodeState &ns = nodes_[node];
  const double quota_base = per_day(cp.daily_quota);
  const Tick since = ns.checkpoint->arrive(eng.now());
  ResourceLock lane;
  for (;;) {
    lane = co_await ns.checkpoint->res.acquire();
    const auto day = static_cast<std::int64_t>(std::floor(eng.time() / hours_per_day));
    if (day != ns.quota_day) {
      ns.quota_day = day;
      ns.quota_used = 0;
    }
    const double quota = quota_base * ctx_.in.node_cut[node].factor_at(eng.now());
    if (quota_base <= 0.0 || ns.quota_used < quota)
      break;
    lane.release();
    co_await delay(Hours(static_cast<double>(day + 1) * hours_per_day - eng.time()));
  }
  ++ns.quota_used;
  ns.checkpoint->start(eng.now(), since, t.load, t.background);
  co_await delay(Hours(std::max(0.0, sample(cp.time, node_rng_[node]))));
  ns.checkpoint->finish(eng.now());
  t.clock[idx(WaitCause::RoadBorderQueue)] += hours(eng.now() - since);
}

// Moves of `teu` boxes (one TEU per move): by the berth's cranes for a vessel in port, else
// by the node's crane gang, which serves one vehicle at a time.
Process Facilities::cranes(Trip &t, NodeIndex node, double teu) {
  if (teu <= teu_eps)
    co_return;
  Engine &eng = ctx_.eng;
  const Service &s = ctx_.in.services[t.service];
  const Node &n = ctx_.net.nodes[node];
  NodeState &ns = nodes_[node];
  const Tick since = eng.now();
  if (s.vehicle.type == VehicleType::Vessel && n.seaport) {
    const double rate = n.seaport->cranes_per_berth * n.seaport->moves_per_crane.value();
    co_await delay(Hours(teu / rate));
  } else if (ns.handling) {
    ns.handling->arrive(eng.now());
    auto gang = co_await ns.handling->res.acquire();
    ns.handling->start(eng.now(), since, t.load, t.background);
    const double f = ctx_.in.node_cut[node].factor_at(eng.now()); // a cut slows the gang
    const double rate = n.handling->cranes * n.handling->moves_per_crane.value();
    co_await delay(Hours(teu / (rate * (f > 0.0 ? f : 1.0))));
    ns.handling->finish(eng.now());
  }
  t.clock[idx(WaitCause::Loading)] += hours(eng.now() - since);
}

// Break of gauge inside a through service, at the stops gauge_change_stops() names: the boxes
// aboard are lifted onto wagons of the other gauge, taken from the yard's pool, on one
// transfer track at its lifting rate.
Process Facilities::change_gauge(Trip &t, std::size_t i) {
  Engine &eng = ctx_.eng;
  const Network &net = ctx_.net;
  const Service &s = ctx_.in.services[t.service];
  const NodeIndex node = s.route[i];
  const Gauge onward = next_gauge(net, s, i);
  if (!ctx_.in.gauge_change_at[t.service][i] || onward == t.gauge) // a trip starting here
    co_return;                                                     // loaded on the new gauge
  t.gauge = onward;
  GaugeYard *g = nodes_[node].gauge.get();
  if (!g) {
    ctx_.note_once("gauge changes at " + net.nodes[node].id +
                   " without a gauge-change yard (instant)");
    co_return;
  }
  if (t.load <= teu_eps)
    co_return;
  const Tick since = eng.now();
  if (g->wagons)
    co_await sub(eng, take_wagons(t, node));
  co_await sub(eng, lift_on_track(t, node, t.load, since));
}

Process Facilities::lift_to_other_gauge(Trip &t, NodeIndex node, double teu) {
  if (!nodes_[node].gauge) {
    ctx_.note_once("boxes change gauge between trains at " + ctx_.net.nodes[node].id +
                   " without a gauge-change yard (instant)");
    co_return;
  }
  co_await sub(ctx_.eng, lift_on_track(t, node, teu, ctx_.eng.now()));
}

Process Facilities::lift_on_track(Trip &t, NodeIndex node, double teu, Tick since) {
  Engine &eng = ctx_.eng;
  GaugeYard &g = *nodes_[node].gauge;
  const Tick track_since = g.tracks.arrive(eng.now());
  auto track = co_await g.tracks.res.acquire();
  g.tracks.start(eng.now(), track_since, teu, t.background);
  t.clock[idx(WaitCause::GaugeQueue)] += hours(eng.now() - since);
  const Tick lift = eng.now();
  co_await delay(Hours(teu / ctx_.net.nodes[node].gauge_change->lifts_per_track.value()));
  g.tracks.finish(eng.now());
  t.clock[idx(WaitCause::Transfer)] += hours(eng.now() - lift);
}

// Wagons of the onward gauge for the load aboard; a pool that runs short makes trains wait.
Process Facilities::take_wagons(Trip &t, NodeIndex node) {
  Engine &eng = ctx_.eng;
  GaugeYard &g = *nodes_[node].gauge;
  const GaugeChange &gc = *ctx_.net.nodes[node].gauge_change;
  int need = static_cast<int>(std::ceil(t.load / gc.teu_per_wagon.value() - teu_eps));
  if (need > gc.wagon_pool) {
    ctx_.note_once("train longer than the wagon pool at " + ctx_.net.nodes[node].id +
                   " (pool used)");
    need = gc.wagon_pool;
  }
  const Tick since = eng.now();
  g.wagon_queue.add(eng.now(), 1.0);
  co_await g.wagons->get(need);
  g.wagon_queue.add(eng.now(), -1.0);
  const double w = hours(eng.now() - since);
  g.wagon_wait.add(w);
  if (!t.background)
    g.wagon_delay_teu_hours += w * t.load;
  ++g.wagon_visits;
  g.wagons_out.add(eng.now(), need);
  t.wagons_held = need;
  t.wagons_from = &g;
}

} // namespace corsim::model::detail
