// The analytic capacity: each resource on the set's routes that the simulation used, its
// capacity from its parameters over the measured window, against its load in the base run
// growing by the set's marginal load (docs/capacity.md, "Analytic").
#include "corsim/model/capacity.hpp"

#include "facilities.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model {

const char *to_string(Limit l) {
  switch (l) {
  case Limit::LanesHours:
    return "lanes × hours";
  case Limit::Quota:
    return "daily quota";
  case Limit::Seats:
    return "seats";
  case Limit::Paths:
    return "train paths";
  case Limit::Lifts:
    return "gauge lifts";
  case Limit::Cranes:
    return "crane moves";
  case Limit::Berths:
    return "berths";
  }
  return "?";
}

double ResourceCapacity::vehicles_per_day() const {
  if (per_vehicle)
    return capacity / 365.0;
  return teu_per_vehicle > 0.0 ? capacity / teu_per_vehicle / 365.0 : 0.0;
}

double ResourceCapacity::teu_per_year() const {
  return per_vehicle ? capacity * teu_per_vehicle : capacity;
}

namespace {

/// The measured window and a year's share of it.
struct Window {
  Hours from, to;
  [[nodiscard]] double per_year() const { return hours_per_year / (to - from).value(); }
  [[nodiscard]] double open_hours_a_year(const Calendar &c) const {
    return c.open_hours(from, to).value() * per_year();
  }
  /// The length of each opening window in [from, to), hours (scanned in steps of 6 minutes).
  [[nodiscard]] std::vector<double> opening_windows(const Calendar &c) const {
    constexpr double step = 0.1;
    std::vector<double> out;
    bool open = false;
    for (long i = 0; from.value() + static_cast<double>(i) * step < to.value(); ++i) {
      const double t = from.value() + static_cast<double>(i) * step;
      const bool now = c.is_open(Hours(t));
      if (now && !open)
        out.push_back(0.0);
      if (now)
        out.back() += std::min(step, to.value() - t);
      open = now;
    }
    return out;
  }
  /// Days (of the simulation clock) with an open hour, a year.
  [[nodiscard]] double open_days_a_year(const Calendar &c) const {
    double days = 0.0;
    for (double d = std::floor(from.value() / hours_per_day); d * hours_per_day < to.value(); ++d)
      days +=
          c.open_hours(Hours(d * hours_per_day), Hours((d + 1.0) * hours_per_day)).value() > 0.0;
    return days * per_year();
  }
};

/// The first two moments of a service time, and whether it is fixed.
struct Moments {
  double mean, second;
  bool fixed;
};

/// A customs clearance: time, plus the inspection time for the inspected share.
Moments clearance(const Customs &c) {
  const double s = c.inspection_share;
  const DistributionSpec &t = c.time, &i = c.inspection_time;
  return {t.mean() + s * i.mean(),
          t.second_moment() + 2.0 * s * t.mean() * i.mean() + s * i.second_moment(),
          t.is_fixed() && (s == 0.0 || i.mean() == 0.0)};
}

Moments moments(const DistributionSpec &t) { return {t.mean(), t.second_moment(), t.is_fixed()}; }

/// Services a year one lane starts when kept busy while open: a service begun before the close
/// runs on after it, as in the simulation. Always open: hours / mean. Per opening window of T
/// hours: ceil(T / t) for a fixed time t; else T / mean + E[t²] / (2 mean²), the expected
/// number of renewals started in [0, T) (renewal theory, exact as T grows).
double starts_a_year(const Calendar &c, const Window &w, const Moments &t) {
  if (c.always_open())
    return hours_per_year / t.mean;
  double starts = 0.0;
  for (const double open : w.opening_windows(c))
    starts += t.fixed ? std::ceil(open / t.mean - 1e-9)
                      : open / t.mean + t.second / (2.0 * t.mean * t.mean);
  return starts * w.per_year();
}

/// The capacity of facility `f` a year in its unit, from its parameters; nullopt for those
/// that are not a rate (yards, wagon pools, single track).
std::optional<ResourceCapacity> facility_capacity(const Network &net, const FacilityResult &f,
                                                  const Window &w) {
  const Node &n = net.nodes[f.node];
  ResourceCapacity r;
  r.name = facility_name(net, f);
  r.kind = f.kind;
  r.node = f.node;
  r.link = f.link;
  switch (f.kind) {
  case FacilityKind::Customs: { // lanes × clearances a lane starts, per vehicle or per TEU
    const Moments t = clearance(*n.customs);
    if (!(t.mean > 0.0))
      return std::nullopt; // no time, no limit
    r.limit = Limit::LanesHours;
    r.per_vehicle = !n.customs->per_box;
    r.capacity =
        n.customs->lanes * (r.per_vehicle ? starts_a_year(n.customs->hours, w, t)
                                          : w.open_hours_a_year(n.customs->hours) / t.mean);
    return r;
  }
  case FacilityKind::RoadCheckpoint: { // the lanes' trucks, or the daily quota
    const RoadCheckpoint &cp = *n.road_checkpoint;
    if (!(cp.time.mean() > 0.0))
      return std::nullopt;
    r.limit = Limit::LanesHours;
    r.capacity = cp.lanes * starts_a_year(cp.hours, w, moments(cp.time));
    const double quota = per_day(cp.daily_quota) * w.open_days_a_year(cp.hours);
    if (quota > 0.0 && quota < r.capacity) {
      r.capacity = quota;
      r.limit = Limit::Quota;
    }
    return r;
  }
  case FacilityKind::GaugeTracks:
    r.limit = Limit::Lifts;
    r.per_vehicle = false;
    r.capacity =
        n.gauge_change->transfer_tracks * n.gauge_change->lifts_per_track.value() * hours_per_year;
    return r;
  case FacilityKind::Handling:
    r.limit = Limit::Cranes;
    r.per_vehicle = false;
    r.capacity = n.handling->cranes * n.handling->moves_per_crane.value() * hours_per_year;
    return r;
  case FacilityKind::Berths:
    r.limit = Limit::Berths;
    r.per_vehicle = false;
    r.capacity = n.seaport->berths * n.seaport->cranes_per_berth *
                 n.seaport->moves_per_crane.value() * hours_per_year;
    return r;
  case FacilityKind::LinkPaths: // per direction
    r.limit = Limit::Paths;
    r.capacity = f.capacity * 365.0;
    return r;
  case FacilityKind::Yard:
  case FacilityKind::WagonPool:
  case FacilityKind::SingleTrack:
    break;
  }
  return std::nullopt;
}

/// Its load a year in its unit in a run: vehicles served; TEU cleared by customs per box;
/// TEU moved for lifts, cranes and berths (their busy share of the capacity); the busier
/// direction's vehicles for paths.
double facility_load(const ResourceCapacity &c, const FacilityResult &f) {
  if (c.per_vehicle && c.limit != Limit::Paths)
    return f.visits_per_year.mean;
  if (c.limit == Limit::LanesHours) // customs per box
    return f.teu_per_year.mean;
  return f.utilisation.mean * c.capacity;
}

/// Seats a year: the timetable's departures and the most extra departures, × TEU each.
ResourceCapacity service_capacity(const Service &s, ServiceIndex index, double teu_each) {
  ResourceCapacity r;
  r.name = "service " + s.id;
  r.service = index;
  r.limit = Limit::Seats;
  r.per_vehicle = false;
  r.teu_per_vehicle = teu_each;
  const double extra = s.extra ? s.extra->per_week : 0.0;
  r.capacity = (s.schedule.departures_per_week() + extra) * 365.0 / 7.0 * teu_each;
  return r;
}

double service_load(const ServiceResult &sv) {
  return sv.departures_per_year.mean * sv.capacity.value() * sv.load_factor.mean;
}

/// What the set's routes in `base` pass: nodes, links between them, services ridden.
struct OnRoutes {
  std::vector<bool> node, link, service;
};

OnRoutes on_routes(const Network &net, const FlowSet &set, const SimulationResults &base) {
  OnRoutes on{std::vector<bool>(net.nodes.size()), std::vector<bool>(net.links.size()),
              std::vector<bool>(net.services.size())};
  for (FlowIndex f : set.flows)
    for (const RouteResult &route : base.od[f].routes) {
      const auto nodes =
          route_nodes(net, route.services, base.od[f].origin, base.od[f].destination);
      for (NodeIndex n : nodes)
        on.node[n] = true;
      for (ServiceIndex s : route.services)
        if (s < net.services.size())
          on.service[s] = true;
    }
  for (LinkIndex l = 0; l < net.links.size(); ++l)
    on.link[l] = on.node[net.links[l].from] && on.node[net.links[l].to];
  return on;
}

/// Its loads in the two runs: the marginal load and the multiplier that fills it.
void measure(ResourceCapacity &r, double load, double other_load, double other_multiplier) {
  r.load = load;
  r.marginal = (load - other_load) / (1.0 - other_multiplier);
  if (r.capacity > 0.0 && r.marginal > 0.0)
    r.multiplier = 1.0 + (r.capacity - load) / r.marginal;
}

/// Whether the set loads it: 0.5% of its capacity or more per 1× of its demand.
bool loaded(const ResourceCapacity &r) {
  return r.capacity > 0.0 && r.marginal > 0.005 * r.capacity;
}

} // namespace

bool at_node(const ResourceCapacity &r, NodeIndex node) {
  return r.service == invalid_index && r.link == invalid_index && r.node == node;
}

std::vector<ResourceCapacity> rated_resources(const Network &net, Hours from, Hours to,
                                              const std::vector<double> &vehicle_capacity) {
  const Window w{from, to};
  std::vector<ResourceCapacity> out;
  for (const FacilityResult &f : detail::facility_catalogue(net))
    if (auto r = facility_capacity(net, f, w))
      out.push_back(std::move(*r));
  for (ServiceIndex s = 0; s < net.services.size(); ++s)
    if (net.services[s].schedule.kind != Schedule::Kind::Dispatch)
      out.push_back(service_capacity(net.services[s], s,
                                     s < vehicle_capacity.size()
                                         ? vehicle_capacity[s]
                                         : net.services[s].vehicle.capacity.value()));
  return out;
}

AnalyticCapacity analytic_capacity(const Network &net, const FlowSet &set,
                                   const SimulationOptions &run, const SimulationResults &base,
                                   const SimulationResults &other, double other_multiplier) {
  std::vector<double> teu_each;
  for (const ServiceResult &sv : base.services)
    teu_each.push_back(sv.capacity.value());
  const OnRoutes on = on_routes(net, set, base);
  AnalyticCapacity out;
  out.measured = rated_resources(net, run.warmup, run.warmup + run.horizon, teu_each);
  std::size_t f = 0; // base.facilities follow the same catalogue
  for (ResourceCapacity &r : out.measured) {
    if (r.service != invalid_index) {
      measure(r, service_load(base.services[r.service]), service_load(other.services[r.service]),
              other_multiplier);
      if (on.service[r.service] && loaded(r))
        out.resources.push_back(r);
      continue;
    }
    while (f < base.facilities.size() &&
           (base.facilities[f].node != r.node || base.facilities[f].kind != r.kind ||
            base.facilities[f].link != r.link))
      ++f;
    if (f >= base.facilities.size() || f >= other.facilities.size())
      throw ApiMisuse("analytic_capacity: the runs are not of this network");
    const FacilityResult &fb = base.facilities[f];
    const double visits = fb.visits_per_year.mean;
    measure(r, facility_load(r, fb), facility_load(r, other.facilities[f]), other_multiplier);
    r.teu_per_vehicle =
        visits > 0.0 ? (r.per_vehicle ? fb.teu_per_year.mean : r.load) / visits : 0.0;
    const bool used = r.link < net.links.size() ? on.link[r.link] : on.node[r.node];
    if (used && visits > 0.0 && loaded(r))
      out.resources.push_back(r);
  }
  std::stable_sort(out.resources.begin(), out.resources.end(),
                   [](const auto &a, const auto &b) { return a.multiplier < b.multiplier; });
  out.binding = out.resources.size(); // none
  for (std::size_t i = 0; i < out.resources.size(); ++i)
    if (!set.through || at_node(out.resources[i], *set.through)) {
      out.multiplier = out.resources[i].multiplier;
      out.binding = i;
      break;
    }
  return out;
}

} // namespace corsim::model
