// The summary of each replication: a few numbers per flow, facility, service and link, and the
// running totals of the time series, taken where the replication ran.
#include "summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace corsim::model::detail {

namespace {
constexpr double none = std::numeric_limits<double>::quiet_NaN(); // no value this replication

double ratio(double a, double b) { return b > 0.0 ? a / b : none; }

/// Weeks per period of the time series: one, or more over long horizons so that there are
/// at most max_series_periods periods and memory stays flat however long the run.
double series_weeks(Hours horizon) {
  constexpr double max_series_periods = 520; // ten years of weeks
  return std::max(1.0, std::ceil(horizon.value() / (hours_per_day * 7.0 * max_series_periods)));
}

/// "2023-03-01": the day `h` hours from the epoch falls on.
std::string date_at(CivilDate epoch, Hours h) {
  return to_string(civil_from_days(days_since_unix_epoch(epoch) +
                                   static_cast<std::int64_t>(std::floor(in_days(h)))));
}

/// A disruption none of whose occurrences overlaps the measured time changes nothing that is
/// measured (or only through a backlog left from the warm-up): most likely a date typed for
/// another year or a horizon shorter than meant, so it is said rather than passed over.
void warn_outside_window(const Network &net, const SimulationOptions &o,
                         std::vector<std::string> &out) {
  const Hours from = o.warmup, to = o.warmup + o.horizon;
  for (std::size_t d = 0; d < net.disruptions.size(); ++d) {
    const Disruption &dis = net.disruptions[d];
    const auto all = dis.occurrences(to);
    if (std::any_of(all.begin(), all.end(), [&](const TimeWindow &w) { return w.end > from; }))
      continue;
    const std::string name = dis.id.empty() ? "#" + std::to_string(d + 1) : dis.id;
    const bool before = !all.empty(); // its windows end in the warm-up
    out.push_back("disruption " + name + " (" + date_at(net.settings.epoch, dis.window.start) +
                  " to " + date_at(net.settings.epoch, dis.window.end) +
                  ") is outside the measured time (" + date_at(net.settings.epoch, from) + " to " +
                  date_at(net.settings.epoch, to) + "): " +
                  (before ? "only its after-effects (backlogs, displaced vehicles) are measured"
                          : "it changes nothing measured"));
  }
}

/// Holidays are dates, listed per year (the Spring Festival moves): a run that goes on past the
/// last year listed has none there, which quietly changes the facility's capacity.
void warn_holidays_not_covered(const Network &net, const SimulationOptions &o,
                               std::vector<std::string> &out) {
  const CivilDate epoch = net.settings.epoch;
  auto year_at = [&](Hours h) {
    return civil_from_days(days_since_unix_epoch(epoch) +
                           static_cast<std::int64_t>(std::floor(in_days(h))))
        .year;
  };
  const int last_year = year_at(o.warmup + o.horizon - Hours(1e-6));
  auto check = [&](const std::string &what, const std::vector<TimeWindow> &holidays) {
    if (holidays.empty())
      return;
    int listed = year_at(holidays.front().start);
    for (const TimeWindow &w : holidays)
      listed = std::max(listed, year_at(w.start));
    if (last_year > listed)
      out.push_back(what + ": holidays are listed up to " + std::to_string(listed) +
                    " and the run goes on into " + std::to_string(last_year) +
                    ", which has none: list that year's too");
  };
  for (const Node &n : net.nodes) {
    if (n.customs)
      check("customs at " + n.id, n.customs->hours.closures());
    if (n.road_checkpoint)
      check("road checkpoint at " + n.id, n.road_checkpoint->hours.closures());
  }
  for (const BackgroundTraffic &b : net.background)
    check("background traffic " + b.service.id, b.holidays);
}

} // namespace

Summary::Summary(const ModelInputs &in)
    : in_(in), per_year_(hours_per_year / in.options->horizon.value()),
      period_(to_ticks(days(7.0 * series_weeks(in.options->horizon)))) {
  const Network &net = *in.net;
  fac_keys_ = facility_catalogue(net);
  for (const DemandFlow &f : net.demand)
    if (f.arrivals == ArrivalProcess::Bookings && f.bookings.empty())
      warnings_.push_back("flow " + f.id + ": no bookings (a bookings file read by corsim::io)");
  warn_outside_window(net, *in.options, warnings_);
  warn_holidays_not_covered(net, *in.options, warnings_);
}

void Summary::watch(Replication &rep, std::vector<Snapshot> &snapshots) const {
  rep.every(period_, [this, &rep, &snapshots](Tick t) { snapshots.push_back(snapshot(rep, t)); });
}

Sample Summary::sample(const Replication &rep, const std::vector<Snapshot> &snaps) const {
  Sample s;
  std::vector<double> backlog(in_.net->demand.size(), 0.0), in_transit(backlog);
  for (const Consignment &k : rep.consignments().all())
    if (k.live)
      (k.boarded_once ? in_transit : backlog)[k.flow] += k.teu;
  for (FlowIndex f = 0; f < in_.net->demand.size(); ++f)
    s.od.push_back(flow_sample(rep, f, backlog, in_transit));
  for (std::size_t i = 0; i < fac_keys_.size(); ++i)
    s.fac.push_back(rep.facilities().measure(fac_keys_[i], rep.context().end, per_year_));
  for (std::size_t v = 0; v < service_count(); ++v) {
    const ServiceStats &st = rep.results().services()[v];
    const bool on_demand = v >= in_.net->services.size();
    s.svc.push_back(
        SvcSample{static_cast<double>(st.departures) * per_year_,
                  on_demand || st.load_factor.count() == 0 ? none : st.load_factor.mean(),
                  st.rolled_teu * per_year_, st.rolled_teu_hours * per_year_,
                  static_cast<double>(st.no_vehicle) * per_year_,
                  static_cast<double>(st.empty_trips) * per_year_});
  }
  for (const BackgroundStats &b : rep.results().background()) {
    s.background.push_back(BgSample{static_cast<double>(b.measured_vehicles) * per_year_,
                                    b.measured_teu * per_year_,
                                    b.through.count() ? b.through.mean() : none});
    s.summary.background_entered += b.entered;
    s.summary.background_left += b.left;
  }
  for (LinkIndex l = 0; l < in_.net->links.size(); ++l)
    s.links.push_back(rep.facilities().link_sample(l, per_year_));
  add_series(s, snaps);
  s.summary.teu = rep.totals(); // (the background counts are in s.summary already)
  s.summary.events = rep.context().eng.events_run();
  for (const NodeState &n : rep.facilities().nodes())
    if (n.yard) {
      s.summary.max_yard_teu = std::max(s.summary.max_yard_teu, n.yard->max_used);
      s.summary.max_yard_share =
          std::max(s.summary.max_yard_share, ratio(n.yard->max_used, n.yard->slots));
    }
  s.warnings = rep.context().warnings();
  return s;
}

void Summary::add(Sample s) {
  reps_.push_back(s.summary);
  for (const std::string &w : s.warnings)
    if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end())
      warnings_.push_back(w);
  samples_.push_back(std::move(s));
}

OdSample Summary::flow_sample(const Replication &rep, FlowIndex f,
                              const std::vector<double> &backlog,
                              const std::vector<double> &in_transit) const {
  const FlowStats &fs = rep.results().flows()[f];
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

Snapshot Summary::snapshot(const Replication &rep, Tick at) const {
  Snapshot s;
  const double elapsed = to_time(at - rep.context().warmup_end);
  for (std::size_t i = 0; i < fac_keys_.size(); ++i) {
    const FacSample f = rep.facilities().measure(fac_keys_[i], at, per_year_);
    if (fac_keys_[i].kind == FacilityKind::LinkPaths) { // per direction: the busier one counts
      const LinkState &l = rep.facilities().links()[fac_keys_[i].link];
      s.busy.push_back(static_cast<double>(l.entries[0]) * l.headway);
      s.busy_reverse.push_back(static_cast<double>(l.entries[1]) * l.headway);
    } else {
      s.busy.push_back(std::isnan(f.util) ? 0.0 : f.util * f.available * elapsed);
      s.busy_reverse.push_back(0.0);
    }
    s.open.push_back(f.available * elapsed);
    s.queue.push_back(f.mean_q * elapsed);
  }
  for (std::size_t v = 0; v < service_count(); ++v) {
    const ServiceStats &st = rep.results().services()[v];
    s.departures.push_back(static_cast<double>(st.departures));
    s.teu.push_back(st.teu_loaded);
    s.waiting.push_back(rep.stops().waiting_teu(static_cast<ServiceIndex>(v)));
  }
  for (const Consignment &k : rep.consignments().all())
    if (k.live)
      s.in_system += k.teu;
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
    std::vector<double> busy = delta(&Snapshot::busy, 1.0), open = delta(&Snapshot::open, 1.0);
    const std::vector<double> reverse = delta(&Snapshot::busy_reverse, 1.0);
    for (std::size_t i = 0; i < busy.size(); ++i) // of the hours offered in the period
      busy[i] = open[i] > 0.0 ? std::max(busy[i], reverse[i]) / open[i] : 0.0;
    s.fac_util.push_back(std::move(busy));
    s.fac_queue.push_back(delta(&Snapshot::queue, 1.0 / period_hours));
    s.svc_departures.push_back(delta(&Snapshot::departures, 1.0));
    s.svc_teu.push_back(delta(&Snapshot::teu, 1.0));
    s.svc_waiting.push_back(snaps[p].waiting); // levels at the period's end, not differences
    s.in_system.push_back({snaps[p].in_system});
  }
}

} // namespace corsim::model::detail
