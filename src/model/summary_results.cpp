// The summary across replications: estimates of every flow, facility, service and link, the
// time series, the key results and the ranked bottlenecks.
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

OdResult Summary::od_result(FlowIndex f) const {
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
std::vector<RouteResult> Summary::routes(FlowIndex f) const {
  const auto xs = column(samples_, &Sample::od, f);
  std::map<std::vector<ServiceIndex>, int> seen;
  for (const OdSample &s : xs)
    for (const auto &entry : s.routes)
      seen[entry.first] = 1;
  std::vector<RouteResult> out;
  for (const auto &entry : seen) {
    const std::vector<ServiceIndex> &key = entry.first;
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
  f.background_share = over(xs, [](const FacSample &s) { return s.background; });
  f.teu_per_year = over(xs, [](const FacSample &s) { return s.teu; });
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
  v.cancelled_per_year = over(xs, [](const SvcSample &x) { return x.cancelled; });
  v.empty_trips_per_year = over(xs, [](const SvcSample &x) { return x.empty; });
  return v;
}

BackgroundResult Summary::background_result(std::size_t b) const {
  const BackgroundTraffic &bg = in_.net->background[b];
  BackgroundResult r{bg.service.id, bg.service.name, {}, {}, {}};
  const auto xs = column(samples_, &Sample::background, b);
  r.vehicles_per_year = over(xs, [](const BgSample &x) { return x.vehicles; });
  r.teu_per_year = over(xs, [](const BgSample &x) { return x.teu; });
  r.hours_through = over(xs, [](const BgSample &x) { return x.through; });
  return r;
}

namespace {

/// What the file configures and no box or vehicle used in any replication: a facility on no
/// route that reaches it (customs at a node where every train starts), a service no box took.
/// Said, because a planner reads an unused resource as spare capacity.
void note_unused(const Network &net, const SimulationResults &r, std::vector<std::string> &out) {
  for (const FacilityResult &f : r.facilities)
    if (f.link == UINT32_MAX && f.visits_per_year.n > 0 && f.visits_per_year.mean == 0.0)
      out.push_back(facility_name(net, f) + " was not used in any replication");
  for (const ServiceResult &s : r.services)
    if (!s.on_demand &&
        (s.load_factor.n > 0 ? s.load_factor.mean == 0.0 : s.departures_per_year.mean == 0.0))
      out.push_back("service " + s.id + " carried nothing in any replication");
}

} // namespace

SimulationResults Summary::results() const {
  SimulationResults r;
  r.measured = in_.options->horizon;
  for (std::size_t f = 0; f < in_.net->demand.size(); ++f)
    r.od.push_back(od_result(f));
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    r.facilities.push_back(facility_result(i));
  for (std::size_t s = 0; s < service_count(); ++s)
    r.services.push_back(service_result(s));
  for (LinkIndex l = 0; l < in_.net->links.size(); ++l)
    r.links.push_back(link_result(l));
  for (std::size_t b = 0; b < in_.net->background.size(); ++b)
    r.background.push_back(background_result(b));
  r.over_time = time_series();
  r.bottlenecks = bottlenecks(r);
  r.replications = reps_;
  r.key = key_results(r);
  note_unused(*in_.net, r, r.warnings);
  r.warnings.insert(r.warnings.end(), warnings_.begin(), warnings_.end());
  r.overloads = find_overloads(*in_.net, r);
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
  t.period = Hours(to_time(period_));
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
  t.service_departures = mean(&Sample::svc_departures, service_count());
  t.service_teu = mean(&Sample::svc_teu, service_count());
  t.service_waiting_teu = mean(&Sample::svc_waiting, service_count());
  const auto system = mean(&Sample::in_system, 1);
  t.in_system_teu = system.front();
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
