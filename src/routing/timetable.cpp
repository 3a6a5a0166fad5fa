/// Timetable-aware earliest arrival: a time-dependent Dijkstra over the arrival vertices of the
/// routing graph (a box at a node on a port), where riding a service from stop i to stop j
/// costs the wait for its next departure plus its running time. Waiting is always allowed, so
/// arrival times are FIFO and settling in order of arrival time is exact.

#include "corsim/timetable.hpp"

#include "corsim/calendar.hpp"
#include "corsim/error.hpp"
#include "dwell.hpp"
#include "search_workspace.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim {

namespace {

/// Customs a vessel clears on the way to its stop i: its first port's on leaving (i = 1) and,
/// at its last stop, that port's (docs/model.md, "Customs").
Hours sea_customs(const Network &net, const Service &svc, std::size_t i, const DwellOptions &o) {
  Hours h = i == 1 ? customs_dwell(net.nodes[svc.route[0]], o) : Hours(0.0);
  if (i + 1 == svc.route.size())
    h += customs_dwell(net.nodes[svc.route[i]], o);
  return h;
}

} // namespace

Timetable::Timetable(const RoutingGraph &graph)
    : graph_(&graph), week_shift_(weekday(graph.network().settings.epoch) * hours_per_day) {
  const Network &net = graph.network();
  stops_at_.resize(net.nodes.size());
  std::vector<bool> served(net.links.size(), false);
  const std::vector<std::array<double, 2>> path_wait = expected_path_waits(net);
  for (ServiceIndex s = 0; s < net.services.size(); ++s) {
    const Service &svc = net.services[s];
    if (svc.legs.size() + 1 != svc.route.size())
      throw ApiMisuse("Timetable: service '" + svc.id + "' has legs not matching its route");
    std::vector<double> dep{0.0};
    std::vector<double> arr{0.0};
    DriverState driver; // one driver for the whole run, rested at the first stop
    for (std::size_t i = 1; i < svc.route.size(); ++i) {
      served[svc.legs[i - 1]] = true;
      const Link &l = net.links[svc.legs[i - 1]];
      const Hours leg =
          run_link(l, l.mean_running_time(), driver, graph.options().driver_hours).elapsed();
      const int dir = l.from == svc.route[i - 1] ? 0 : 1;
      arr.push_back(dep.back() + path_wait[svc.legs[i - 1]][dir] + leg.value());
      if (svc.mode == Mode::Sea) // a vessel clears at its first port after loading, and at its
        arr.back() += sea_customs(net, svc, i, graph.options()).value(); // last before unloading
      const Node &n = net.nodes[svc.route[i]];
      // Passing through, a vehicle stops for customs, and a truck also for the checkpoint.
      const Port on = svc.mode == Mode::Sea    ? Port::Sea
                      : svc.mode == Mode::Road ? Port::Road
                                               : Port::Rail1435; // any rail port: the same
      dep.push_back(arr.back() + svc.stop_dwell(i).value() +
                    through_dwell(n, on, graph.options()).value());
    }
    departure_offset_.push_back(std::move(dep));
    arrival_offset_.push_back(std::move(arr));
    for (std::size_t i = 0; i + 1 < svc.route.size(); ++i)
      stops_at_[svc.route[i]].push_back(Stop{s, i});
  }
  for (LinkIndex l = 0; l < net.links.size(); ++l)
    if (net.links[l].mode == Mode::Road && !served[l])
      on_demand_.push_back(l);
}

std::vector<Port> Timetable::ports(ServiceIndex s, std::size_t stop) const {
  const Service &svc = graph_->network().services.at(s);
  return ports_of(graph_->network().links.at(svc.legs.at(stop)));
}

Hours Timetable::running_time(const Link &l) const {
  return mean_elapsed_time(l, graph_->options().driver_hours);
}

Hours Timetable::departure_offset(ServiceIndex s, std::size_t stop) const {
  return Hours(departure_offset_.at(s).at(stop));
}

Hours Timetable::arrival_offset(ServiceIndex s, std::size_t stop) const {
  return Hours(arrival_offset_.at(s).at(stop));
}

namespace {

/// first_departure_at_or_after with the hours from Monday 00:00 to the epoch given.
Hours first_departure_after_shift(const Schedule &sch, Hours t, double shift) {
  const double x = t.value();
  switch (sch.kind) {
  case Schedule::Kind::Weekly: {
    if (sch.weekly.empty())
      return Hours(std::numeric_limits<double>::infinity());
    const double m = x + shift;
    const double week = std::floor(m / hours_per_week);
    double best = std::numeric_limits<double>::infinity();
    for (Hours h : sch.weekly) {
      double d = week * hours_per_week + h.value();
      if (d < m)
        d += hours_per_week;
      best = std::min(best, d);
    }
    return Hours(best - shift);
  }
  case Schedule::Kind::Interval:
    if (x <= sch.first.value())
      return sch.first;
    if (sch.every.value() <= 0.0)
      return Hours(std::numeric_limits<double>::infinity());
    return Hours(sch.first.value() +
                 std::ceil((x - sch.first.value()) / sch.every.value()) * sch.every.value());
  case Schedule::Kind::Dispatch:
    break;
  }
  return Hours(x + sch.max_wait.value());
}

} // namespace

Hours first_departure_at_or_after(const Schedule &sch, Hours t, CivilDate epoch) {
  return first_departure_after_shift(sch, t, weekday(epoch) * hours_per_day);
}

Hours Timetable::next_departure(ServiceIndex s, std::size_t stop, Hours t) const {
  const Schedule &sch = graph_->network().services.at(s).schedule;
  const Hours offset(departure_offset_.at(s).at(stop));
  // the latest acceptable departure from the first stop
  return first_departure_after_shift(sch, t - offset, week_shift_) + offset;
}

} // namespace corsim
