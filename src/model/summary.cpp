#include "summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace corsim::model::detail {

namespace {
constexpr double none = std::numeric_limits<double>::quiet_NaN(); // no value this replication

/// Mean and 95% Student-t half width over the replications that gave a value.
template <class T, class F> Estimate over(const std::vector<T> &samples, F get) {
  std::vector<double> xs;
  for (const T &s : samples)
    xs.push_back(get(s));
  return estimate(xs);
}

double ratio(double a, double b) { return b > 0.0 ? a / b : none; }

/// Weeks per period of the time series: one, or more over long horizons so that there are
/// at most max_series_periods periods and memory stays flat however long the run.
double series_weeks(Hours horizon) {
  constexpr double max_series_periods = 520; // ten years of weeks
  return std::max(1.0, std::ceil(horizon.value() / (hours_per_day * 7.0 * max_series_periods)));
}

/// Entry i of one list of every sample: the values of a flow, facility, ... by replication.
template <class T>
std::vector<T> column(const std::vector<Sample> &samples, std::vector<T> Sample::*list,
                      std::size_t i) {
  std::vector<T> out;
  out.reserve(samples.size());
  for (const Sample &s : samples)
    out.push_back((s.*list)[i]);
  return out;
}
} // namespace

Summary::Summary(const ModelInputs &in)
    : in_(in), per_year_(hours_per_year / in.options->horizon.value()),
      period_(to_ticks(days(7.0 * series_weeks(in.options->horizon)))) {
  const Network &net = *in.net;
  auto key = [&](NodeIndex n, FacilityKind k, double cap) {
    FacilityResult f;
    f.node = n;
    f.kind = k;
    f.capacity = cap;
    fac_keys_.push_back(f);
  };
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    const Node &node = net.nodes[n];
    if (node.handling)
      key(n, FacilityKind::Handling, 1);
    if (node.yard)
      key(n, FacilityKind::Yard, node.yard->slots.value());
    if (node.customs)
      key(n, FacilityKind::Customs, node.customs->lanes);
    if (node.gauge_change) {
      key(n, FacilityKind::GaugeTracks, node.gauge_change->transfer_tracks);
      if (node.gauge_change->wagon_pool > 0)
        key(n, FacilityKind::WagonPool, node.gauge_change->wagon_pool);
    }
    if (node.road_checkpoint)
      key(n, FacilityKind::RoadCheckpoint, node.road_checkpoint->lanes);
    if (node.seaport)
      key(n, FacilityKind::Berths, node.seaport->berths);
  }
  for (LinkIndex l = 0; l < net.links.size(); ++l) {
    const Link &link = net.links[l];
    if (link.capacity.value() > 0.0) {
      key(link.from, FacilityKind::LinkPaths, per_day(link.capacity));
      fac_keys_.back().link = l;
    }
    if (link.single_track) {
      key(link.from, FacilityKind::SingleTrack, 1);
      fac_keys_.back().link = l;
    }
  }
  for (const DemandFlow &f : net.demand)
    if (f.arrivals == ArrivalProcess::Bookings && f.bookings.empty())
      warnings_.push_back("flow " + f.id + ": no bookings (a bookings file read by corsim::io)");
}

void Summary::watch(Replication &rep, std::vector<Snapshot> &snapshots) const {
  rep.every(period_, [this, &rep, &snapshots](Tick t) { snapshots.push_back(snapshot(rep, t)); });
}

Sample Summary::sample(const Replication &rep, const std::vector<Snapshot> &snaps) const {
  Sample s;
  std::vector<double> backlog(in_.net->demand.size(), 0.0), in_transit(backlog);
  for (const Consignment &k : rep.pool)
    if (k.live)
      (k.boarded_once ? in_transit : backlog)[k.flow] += k.teu;
  for (std::size_t f = 0; f < in_.net->demand.size(); ++f)
    s.od.push_back(flow_sample(rep, f, backlog, in_transit));
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    s.fac.push_back(facility(rep, i, rep.end));
  for (std::size_t v = 0; v < in_.services.size(); ++v) {
    const ServiceStats &st = rep.service_stats[v];
    const bool on_demand = v >= in_.net->services.size();
    s.svc.push_back(
        SvcSample{static_cast<double>(st.departures) * per_year_,
                  on_demand || st.load_factor.count() == 0 ? none : st.load_factor.mean(),
                  st.rolled_teu * per_year_, st.rolled_teu_hours * per_year_});
  }
  for (LinkIndex l = 0; l < in_.net->links.size(); ++l)
    s.links.push_back(link(rep, l));
  add_series(s, snaps);
  s.summary.teu = rep.totals();
  s.summary.events = rep.eng.events_run();
  for (const NodeState &n : rep.nodes)
    if (n.yard) {
      s.summary.max_yard_teu = std::max(s.summary.max_yard_teu, n.yard->max_used);
      s.summary.max_yard_share =
          std::max(s.summary.max_yard_share, ratio(n.yard->max_used, n.yard->slots));
    }
  s.warnings = rep.warnings;
  return s;
}

void Summary::add(Sample s) {
  reps_.push_back(s.summary);
  for (const std::string &w : s.warnings)
    if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end())
      warnings_.push_back(w);
  samples_.push_back(std::move(s));
}

OdSample Summary::flow_sample(const Replication &rep, std::size_t f,
                              const std::vector<double> &backlog,
                              const std::vector<double> &in_transit) const {
  const FlowStats &fs = rep.flows[f];
  const auto n = static_cast<double>(fs.transit.count());
  const bool any = n > 0;
  OdSample s{};
  s.mean = any ? fs.transit.mean() : none;
  s.p50 = any ? fs.p50.estimate() : none;
  s.p90 = any ? fs.p90.estimate() : none;
  s.p95 = any ? fs.p95.estimate() : none;
  s.max = any ? fs.transit.max() : none;
  s.on_time = any ? static_cast<double>(fs.on_time) / n : none;
  s.delivered = fs.delivered_teu * per_year_;
  s.backlog = backlog[f];
  s.in_transit = in_transit[f];
  s.unroutable = fs.teu.unroutable;
  s.cost = any ? fs.cost.mean() : none;
  s.co2 = any ? fs.co2.mean() : none;
  for (int c = 0; c < wait_cause_count; ++c)
    s.wait[c] = any ? fs.wait_sum[c] / n : none;
  for (const auto &[route, tally] : fs.by_route)
    s.routes[route] = {static_cast<double>(tally.count()) / n, tally.mean()};
  s.histogram = fs.histogram;
  return s;
}

// Averages over [warm-up end, at]: a station's busy share and queue.
FacSample Summary::station(const Station &st, Tick at) const {
  return FacSample{st.busy.mean(at) / st.capacity,
                   st.queue.mean(at),
                   st.queue.max(),
                   st.visits ? st.wait.mean() : none,
                   static_cast<double>(st.visits) * per_year_,
                   st.delay_teu_hours * per_year_};
}

// Paths are used for one headway per entry; both directions share the capacity figure.
FacSample Summary::paths(const LinkState &l, bool oneway, Tick at) const {
  const double directions = oneway ? 1.0 : 2.0;
  const double hours_measured = std::max(to_time(at) - in_.options->warmup.value(), 1e-9);
  return FacSample{static_cast<double>(l.paths.visits) * l.headway / (directions * hours_measured),
                   l.paths.queue.mean(at),
                   l.paths.queue.max(),
                   l.paths.visits ? l.paths.wait.mean() : none,
                   static_cast<double>(l.paths.visits) * per_year_,
                   l.paths.delay_teu_hours * per_year_};
}

FacSample Summary::facility(const Replication &rep, std::size_t i, Tick at) const {
  const FacilityResult &key = fac_keys_[i];
  const NodeState &n = rep.nodes[key.node];
  switch (key.kind) {
  case FacilityKind::Handling:
    return station(*n.handling, at);
  case FacilityKind::Customs:
    return station(*n.customs, at);
  case FacilityKind::RoadCheckpoint:
    return station(*n.checkpoint, at);
  case FacilityKind::Berths:
    return station(*n.berths, at);
  case FacilityKind::GaugeTracks:
    return station(n.gauge->tracks, at);
  case FacilityKind::SingleTrack:
    return station(*rep.links[key.link].single, at);
  case FacilityKind::LinkPaths:
    return paths(rep.links[key.link], in_.net->links[key.link].oneway, at);
  case FacilityKind::Yard: {
    const YardState &y = *n.yard;
    return FacSample{ratio(y.occupancy.mean(at), y.slots),
                     y.blocked_level.mean(at),
                     y.blocked_level.max(),
                     y.visits ? y.wait.mean() : none,
                     static_cast<double>(y.visits) * per_year_,
                     y.delay_teu_hours * per_year_};
  }
  case FacilityKind::WagonPool: {
    const GaugeYard &g = *n.gauge;
    return FacSample{ratio(g.wagons_out.mean(at), key.capacity),
                     g.wagon_queue.mean(at),
                     g.wagon_queue.max(),
                     g.wagon_visits ? g.wagon_wait.mean() : none,
                     static_cast<double>(g.wagon_visits) * per_year_,
                     g.wagon_delay_teu_hours * per_year_};
  }
  }
  return FacSample{};
}

// A link's utilisation is that of its tightest limit: train paths or the single track.
LinkSample Summary::link(const Replication &rep, LinkIndex l) const {
  const LinkState &ls = rep.links[l];
  double util = none;
  if (ls.headway > 0.0)
    util = paths(ls, in_.net->links[l].oneway, rep.end).util;
  if (ls.single)
    util = std::max(std::isnan(util) ? 0.0 : util, station(*ls.single, rep.end).util);
  return LinkSample{ls.teu * per_year_, static_cast<double>(ls.vehicles) * per_year_, util};
}

Snapshot Summary::snapshot(const Replication &rep, Tick at) const {
  Snapshot s;
  const double elapsed = to_time(at - rep.warmup_end);
  for (std::size_t i = 0; i < fac_keys_.size(); ++i) {
    const FacSample f = facility(rep, i, at);
    s.busy.push_back(std::isnan(f.util) ? 0.0 : f.util * elapsed);
    s.queue.push_back(f.mean_q * elapsed);
  }
  for (const ServiceStats &st : rep.service_stats) {
    s.departures.push_back(static_cast<double>(st.departures));
    s.teu.push_back(st.teu_loaded);
  }
  return s;
}

// Period averages are differences of the running totals at the periods' ends.
void Summary::add_series(Sample &s, const std::vector<Snapshot> &snaps) const {
  const double period_hours = to_time(period_);
  for (std::size_t p = 0; p < snaps.size(); ++p) {
    const Snapshot *before = p > 0 ? &snaps[p - 1] : nullptr;
    auto delta = [&](const std::vector<double> Snapshot::*field, double scale) {
      std::vector<double> out;
      for (std::size_t i = 0; i < (snaps[p].*field).size(); ++i)
        out.push_back(((snaps[p].*field)[i] - (before ? (before->*field)[i] : 0.0)) * scale);
      return out;
    };
    s.fac_util.push_back(delta(&Snapshot::busy, 1.0 / period_hours));
    s.fac_queue.push_back(delta(&Snapshot::queue, 1.0 / period_hours));
    s.svc_departures.push_back(delta(&Snapshot::departures, 1.0));
    s.svc_teu.push_back(delta(&Snapshot::teu, 1.0));
  }
}

OdResult Summary::od_result(std::size_t f) const {
  const auto xs = column(samples_, &Sample::od, f);
  const DemandFlow &flow = in_.net->demand[f];
  OdResult o;
  o.flow = flow.id;
  o.origin = flow.origin;
  o.destination = flow.destination;
  o.cargo = flow.cargo;
  o.transit_mean = over(xs, [](const OdSample &s) { return s.mean; });
  o.transit_p50 = over(xs, [](const OdSample &s) { return s.p50; });
  o.transit_p90 = over(xs, [](const OdSample &s) { return s.p90; });
  o.transit_p95 = over(xs, [](const OdSample &s) { return s.p95; });
  o.transit_max = over(xs, [](const OdSample &s) { return s.max; });
  o.on_time_share = over(xs, [](const OdSample &s) { return s.on_time; });
  o.delivered_teu_per_year = over(xs, [](const OdSample &s) { return s.delivered; });
  o.backlog_teu = over(xs, [](const OdSample &s) { return s.backlog; });
  o.in_transit_teu = over(xs, [](const OdSample &s) { return s.in_transit; });
  o.unroutable_teu = over(xs, [](const OdSample &s) { return s.unroutable; });
  o.cost_per_teu = over(xs, [](const OdSample &s) { return s.cost; });
  o.co2_per_teu = over(xs, [](const OdSample &s) { return s.co2; });
  for (int c = 0; c < wait_cause_count; ++c)
    o.wait_hours[c] = over(xs, [c](const OdSample &s) { return s.wait[c]; });
  if (flow.arrivals == ArrivalProcess::Bookings && flow.bookings.empty())
    o.note = "no bookings";
  o.routes = routes(f);
  std::vector<double> counts;
  for (const OdSample &x : xs) {
    counts.resize(std::max(counts.size(), x.histogram.size()), 0.0);
    for (std::size_t b = 0; b < x.histogram.size(); ++b)
      counts[b] += static_cast<double>(x.histogram[b]);
  }
  double total = 0.0;
  for (double c : counts)
    total += c;
  for (double &c : counts)
    c /= total;
  o.transit_histogram = std::move(counts);
  return o;
}

// Routes over the replications: a route a replication did not use has share 0 there (when
// that replication delivered anything) and no transit value.
std::vector<RouteResult> Summary::routes(std::size_t f) const {
  const auto xs = column(samples_, &Sample::od, f);
  std::map<std::vector<std::uint32_t>, int> seen;
  for (const OdSample &s : xs)
    for (const auto &entry : s.routes)
      seen[entry.first] = 1;
  std::vector<RouteResult> out;
  for (const auto &entry : seen) {
    const std::vector<std::uint32_t> &key = entry.first;
    RouteResult r;
    r.services = key;
    r.share = over(xs, [&](const OdSample &s) {
      const auto it = s.routes.find(key);
      return it != s.routes.end() ? it->second.first : std::isnan(s.mean) ? none : 0.0;
    });
    r.transit_mean = over(xs, [&](const OdSample &s) {
      const auto it = s.routes.find(key);
      return it != s.routes.end() ? it->second.second : none;
    });
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const RouteResult &a, const RouteResult &b) {
    return a.share.mean > b.share.mean;
  });
  return out;
}

FacilityResult Summary::facility_result(std::size_t i) const {
  FacilityResult f = fac_keys_[i];
  const auto xs = column(samples_, &Sample::fac, i);
  f.utilisation = over(xs, [](const FacSample &s) { return s.util; });
  f.mean_queue = over(xs, [](const FacSample &s) { return s.mean_q; });
  f.max_queue = over(xs, [](const FacSample &s) { return s.max_q; });
  f.mean_wait = over(xs, [](const FacSample &s) { return s.wait; });
  f.visits_per_year = over(xs, [](const FacSample &s) { return s.visits; });
  f.delay_teu_hours_per_year = over(xs, [](const FacSample &s) { return s.delay; });
  return f;
}

ServiceResult Summary::service_result(std::size_t s) const {
  ServiceResult v;
  v.id = in_.services[s].id;
  v.on_demand = s >= in_.net->services.size();
  v.capacity = v.on_demand ? Teu(0.0) : in_.capacity[s];
  const auto xs = column(samples_, &Sample::svc, s);
  v.departures_per_year = over(xs, [](const SvcSample &x) { return x.departures; });
  v.load_factor = over(xs, [](const SvcSample &x) { return x.load_factor; });
  v.rolled_over_teu_per_year = over(xs, [](const SvcSample &x) { return x.rolled; });
  v.delay_teu_hours_per_year = over(xs, [](const SvcSample &x) { return x.delay; });
  return v;
}

SimulationResults Summary::results() const {
  SimulationResults r;
  r.measured_days = in_days(in_.options->horizon);
  for (std::size_t f = 0; f < in_.net->demand.size(); ++f)
    r.od.push_back(od_result(f));
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    r.facilities.push_back(facility_result(i));
  for (std::size_t s = 0; s < in_.services.size(); ++s)
    r.services.push_back(service_result(s));
  for (LinkIndex l = 0; l < in_.net->links.size(); ++l)
    r.links.push_back(link_result(l));
  r.over_time = time_series();
  r.bottlenecks = bottlenecks(r);
  r.replications = reps_;
  r.key = key_results(r);
  r.warnings = warnings_;
  return r;
}

LinkResult Summary::link_result(LinkIndex l) const {
  const auto xs = column(samples_, &Sample::links, l);
  LinkResult r;
  r.link = l;
  r.teu_per_year = over(xs, [](const LinkSample &s) { return s.teu; });
  r.vehicles_per_year = over(xs, [](const LinkSample &s) { return s.vehicles; });
  r.utilisation = over(xs, [](const LinkSample &s) { return s.util; });
  return r;
}

// Means over the replications, period by period (all replications have the same periods).
TimeSeries Summary::time_series() const {
  TimeSeries t;
  t.period_days = to_time(period_) / hours_per_day;
  auto mean = [&](std::vector<std::vector<double>> Sample::*field, std::size_t count) {
    const std::size_t periods = samples_.empty() ? 0 : (samples_.front().*field).size();
    std::vector<std::vector<double>> out(count, std::vector<double>(periods, 0.0));
    for (const Sample &s : samples_)
      for (std::size_t p = 0; p < periods; ++p)
        for (std::size_t i = 0; i < count; ++i)
          out[i][p] += (s.*field)[p][i] / static_cast<double>(samples_.size());
    return out;
  };
  t.facility_utilisation = mean(&Sample::fac_util, fac_keys_.size());
  t.facility_queue = mean(&Sample::fac_queue, fac_keys_.size());
  t.service_departures = mean(&Sample::svc_departures, in_.services.size());
  t.service_teu = mean(&Sample::svc_teu, in_.services.size());
  return t;
}

std::vector<KeyResult> Summary::key_results(const SimulationResults &r) const {
  std::vector<KeyResult> out;
  auto add = [&](std::string subject, std::string measure, std::string unit, auto get) {
    KeyResult k{std::move(subject), std::move(measure), std::move(unit), {}, {}};
    for (const Sample &s : samples_)
      k.per_replication.push_back(get(s));
    k.estimate = estimate(k.per_replication);
    out.push_back(std::move(k));
  };
  const double day = 1.0 / hours_per_day;
  for (std::size_t f = 0; f < r.od.size(); ++f) {
    const std::string &id = r.od[f].flow;
    add(id, "transit mean", "d", [&](const Sample &s) { return s.od[f].mean * day; });
    add(id, "transit p95", "d", [&](const Sample &s) { return s.od[f].p95 * day; });
    add(id, "delivered", "TEU/yr", [&](const Sample &s) { return s.od[f].delivered; });
    add(id, "on time", "share", [&](const Sample &s) { return s.od[f].on_time; });
  }
  for (std::size_t i = 0; i < r.facilities.size(); ++i)
    add(facility_name(*in_.net, r.facilities[i]), "utilisation", "share",
        [&](const Sample &s) { return s.fac[i].util; });
  return out;
}

std::vector<Bottleneck> Summary::bottlenecks(const SimulationResults &r) const {
  std::vector<Bottleneck> out;
  const Network &net = *in_.net;
  for (const FacilityResult &f : r.facilities) {
    if (f.delay_teu_hours_per_year.mean > 0.0)
      out.push_back(
          Bottleneck{facility_name(net, f), f.delay_teu_hours_per_year.mean, f.utilisation.mean});
  }
  for (const ServiceResult &s : r.services)
    if (s.delay_teu_hours_per_year.mean > 0.0)
      out.push_back(Bottleneck{"service " + s.id + " (rolled over)",
                               s.delay_teu_hours_per_year.mean, s.load_factor.mean});
  std::stable_sort(out.begin(), out.end(), [](const Bottleneck &a, const Bottleneck &b) {
    return a.delay_teu_hours_per_year > b.delay_teu_hours_per_year;
  });
  return out;
}

} // namespace corsim::model::detail
