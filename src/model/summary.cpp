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
    if (const double x = get(s); !std::isnan(x))
      xs.push_back(x);
  Estimate e;
  e.n = static_cast<std::uint32_t>(xs.size());
  if (xs.empty())
    return e;
  const ConfidenceInterval ci = confidence_interval(xs, 0.95);
  e.mean = ci.mean;
  e.half_width = xs.size() >= 2 ? ci.half_width : 0.0;
  return e;
}

double ratio(double a, double b) { return b > 0.0 ? a / b : none; }
} // namespace

Summary::Summary(const ModelInputs &in)
    : in_(in), per_year_(hours_per_year / in.options->horizon.value()) {
  const Network &net = *in.net;
  od_.resize(net.demand.size());
  svc_.resize(in.services.size());
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
  fac_.resize(fac_keys_.size());
  for (const DemandFlow &f : net.demand)
    if (f.arrivals == ArrivalProcess::Bookings && f.bookings.empty())
      warnings_.push_back("flow " + f.id + ": no bookings (a bookings file read by corsim::io)");
}

void Summary::add(const Replication &rep) {
  add_flows(rep);
  add_facilities(rep);
  for (std::size_t s = 0; s < svc_.size(); ++s) {
    const ServiceStats &st = rep.service_stats[s];
    const bool on_demand = s >= in_.net->services.size();
    svc_[s].push_back(
        SvcSample{static_cast<double>(st.departures) * per_year_,
                  on_demand || st.load_factor.count() == 0 ? none : st.load_factor.mean(),
                  st.rolled_teu * per_year_, st.rolled_teu_hours * per_year_});
  }
  ReplicationSummary r;
  r.teu = rep.totals();
  r.events = rep.eng.events_run();
  for (const NodeState &n : rep.nodes)
    if (n.yard) {
      r.max_yard_teu = std::max(r.max_yard_teu, n.yard->max_used);
      r.max_yard_share = std::max(r.max_yard_share, ratio(n.yard->max_used, n.yard->slots));
    }
  reps_.push_back(r);
  for (const std::string &w : rep.warnings)
    if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end())
      warnings_.push_back(w);
}

void Summary::add_flows(const Replication &rep) {
  std::vector<double> backlog(od_.size(), 0.0), in_transit(od_.size(), 0.0);
  for (const Consignment &k : rep.pool)
    if (k.live)
      (k.boarded_once ? in_transit : backlog)[k.flow] += k.teu;
  for (std::size_t f = 0; f < od_.size(); ++f) {
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
    od_[f].push_back(s);
  }
}

Summary::FacSample Summary::station(const Station &st, Tick end) const {
  return FacSample{st.busy.mean(end) / st.capacity,
                   st.queue.mean(end),
                   st.queue.max(),
                   st.visits ? st.wait.mean() : none,
                   static_cast<double>(st.visits) * per_year_,
                   st.delay_teu_hours * per_year_};
}

// Paths are used for one headway per entry; both directions share the capacity figure.
Summary::FacSample Summary::paths(const LinkState &l, bool oneway, Tick end) const {
  const double directions = oneway ? 1.0 : 2.0;
  const double hours_measured = in_.options->horizon.value();
  return FacSample{static_cast<double>(l.paths.visits) * l.headway / (directions * hours_measured),
                   l.paths.queue.mean(end),
                   l.paths.queue.max(),
                   l.paths.visits ? l.paths.wait.mean() : none,
                   static_cast<double>(l.paths.visits) * per_year_,
                   l.paths.delay_teu_hours * per_year_};
}

Summary::FacSample Summary::facility(const Replication &rep, std::size_t i) const {
  const FacilityResult &key = fac_keys_[i];
  const NodeState &n = rep.nodes[key.node];
  const Tick end = rep.end;
  switch (key.kind) {
  case FacilityKind::Handling:
    return station(*n.handling, end);
  case FacilityKind::Customs:
    return station(*n.customs, end);
  case FacilityKind::RoadCheckpoint:
    return station(*n.checkpoint, end);
  case FacilityKind::Berths:
    return station(*n.berths, end);
  case FacilityKind::GaugeTracks:
    return station(n.gauge->tracks, end);
  case FacilityKind::SingleTrack:
    return station(*rep.links[key.link].single, end);
  case FacilityKind::LinkPaths:
    return paths(rep.links[key.link], in_.net->links[key.link].oneway, end);
  case FacilityKind::Yard: {
    const YardState &y = *n.yard;
    return FacSample{ratio(y.occupancy.mean(end), y.slots),
                     y.blocked_level.mean(end),
                     y.blocked_level.max(),
                     y.visits ? y.wait.mean() : none,
                     static_cast<double>(y.visits) * per_year_,
                     y.delay_teu_hours * per_year_};
  }
  case FacilityKind::WagonPool: {
    const GaugeYard &g = *n.gauge;
    return FacSample{ratio(g.wagons_out.mean(end), key.capacity),
                     g.wagon_queue.mean(end),
                     g.wagon_queue.max(),
                     g.wagon_visits ? g.wagon_wait.mean() : none,
                     static_cast<double>(g.wagon_visits) * per_year_,
                     g.wagon_delay_teu_hours * per_year_};
  }
  }
  return FacSample{};
}

void Summary::add_facilities(const Replication &rep) {
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    fac_[i].push_back(facility(rep, i));
}

OdResult Summary::od_result(std::size_t f) const {
  const auto &xs = od_[f];
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
  return o;
}

// Routes over the replications: a route a replication did not use has share 0 there (when
// that replication delivered anything) and no transit value.
std::vector<RouteResult> Summary::routes(std::size_t f) const {
  const auto &xs = od_[f];
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
  const auto &xs = fac_[i];
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
  const auto &xs = svc_[s];
  v.departures_per_year = over(xs, [](const SvcSample &x) { return x.departures; });
  v.load_factor = over(xs, [](const SvcSample &x) { return x.load_factor; });
  v.rolled_over_teu_per_year = over(xs, [](const SvcSample &x) { return x.rolled; });
  v.delay_teu_hours_per_year = over(xs, [](const SvcSample &x) { return x.delay; });
  return v;
}

SimulationResults Summary::results() const {
  SimulationResults r;
  r.measured_days = in_days(in_.options->horizon);
  for (std::size_t f = 0; f < od_.size(); ++f)
    r.od.push_back(od_result(f));
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    r.facilities.push_back(facility_result(i));
  for (std::size_t s = 0; s < svc_.size(); ++s)
    r.services.push_back(service_result(s));
  r.bottlenecks = bottlenecks(r);
  r.replications = reps_;
  r.warnings = warnings_;
  return r;
}

std::vector<Bottleneck> Summary::bottlenecks(const SimulationResults &r) const {
  std::vector<Bottleneck> out;
  const Network &net = *in_.net;
  for (const FacilityResult &f : r.facilities) {
    const std::string where =
        f.link < net.links.size() ? "link " + net.links[f.link].id : net.nodes[f.node].id;
    if (f.delay_teu_hours_per_year.mean > 0.0)
      out.push_back(Bottleneck{std::string(to_string(f.kind)) + " at " + where,
                               f.delay_teu_hours_per_year.mean, f.utilisation.mean});
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
