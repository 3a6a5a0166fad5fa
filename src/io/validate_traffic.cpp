// Sense checks of traffic against capacity, before anything runs: background traffic that on
// its own asks more of a facility than it can give, and fleets too small for their timetables.
// Warnings, not errors: a planner may study an overloaded border on purpose.
#include "load_context.hpp"

#include "corsim/routing_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace corsim::io {

namespace {

/// What the background asks of one facility a day, against what it gives.
struct Demand {
  double asked = 0.0;
  double given = 0.0;
  std::string unit;
  const YAML::Node *at = nullptr; ///< the first stream that uses it
};

class TrafficCheck {
public:
  explicit TrafficCheck(LoadContext &ctx) : ctx_(ctx) {}
  void add(std::size_t k);
  void report();

private:
  void ask(const std::string &what, double asked, double given, const char *unit,
           const YAML::Node &at) {
    Demand &d = demands_[what];
    d.asked += asked;
    d.given = given;
    d.unit = unit;
    if (!d.at)
      d.at = &at;
  }
  LoadContext &ctx_;
  std::map<std::string, Demand> demands_;
};

void TrafficCheck::add(std::size_t k) {
  const BackgroundTraffic &b = ctx_.net.background[k];
  const Service &s = b.service;
  const YAML::Node &at = ctx_.background_yaml[k];
  const double v = b.peak_per_hour() * hours_per_day, teu = b.mean_teu();
  const std::vector<bool> gauge = gauge_change_stops(ctx_.net, s);
  for (std::size_t i = 0; i < s.route.size(); ++i) {
    const Node &n = ctx_.net.nodes[s.route[i]];
    const bool passes = i > 0 && i + 1 < s.route.size();
    // A vessel clears at its first and last ports, a train or truck where it passes.
    if (n.customs && (s.mode == Mode::Sea ? !passes : passes))
      ask("customs at " + n.id, v * customs_clearance(n).value() * (n.customs->per_box ? teu : 1.0),
          n.customs->lanes * hours_per_day * n.customs->hours.weekly_open_share(), "lane-hours",
          at);
    if (i > 0 && n.road_checkpoint && s.mode == Mode::Road) {
      const RoadCheckpoint &cp = *n.road_checkpoint;
      double trucks = cp.lanes * hours_per_day * cp.hours.weekly_open_share() /
                      road_checkpoint_dwell(n).value();
      if (cp.daily_quota.value() > 0.0)
        trucks = std::min(trucks, per_day(cp.daily_quota));
      ask("road checkpoint at " + n.id, v, trucks, "trucks", at);
    }
    if (gauge[i] && n.gauge_change)
      ask("gauge change at " + n.id, v * teu,
          n.gauge_change->transfer_tracks * per_day(n.gauge_change->lifts_per_track), "TEU", at);
  }
  for (std::size_t i = 0; i < s.legs.size(); ++i) {
    const Link &l = ctx_.net.links[s.legs[i]];
    if (l.capacity.value() > 0.0)
      ask("train paths on " + l.id + (l.from == s.route[i] ? "" : " (reverse)"), v,
          per_day(l.capacity), "paths", at);
    if (l.single_track)
      ask("single track " + l.id, v * l.mean_running_time().value(), hours_per_day, "track-hours",
          at);
  }
}

void TrafficCheck::report() {
  for (const auto &[what, d] : demands_)
    if (d.asked > d.given)
      ctx_.diag.warning(ctx_.diag.pos(*d.at),
                        fmt::format("background traffic alone needs {:.1f} {} a day of the {}, "
                                    "which gives {:.1f}: it will queue without bound",
                                    d.asked, d.unit, what, d.given));
}

/// Hours a vehicle of `s` needs from its departure to the end of its route, on mean times.
double mean_run_hours(const Network &net, const Service &s) {
  double h = 0.0;
  for (LinkIndex l : s.legs)
    h += s.vehicle.type == VehicleType::Vessel && s.vehicle.speed.value() > 0.0
             ? net.links[l].length.value() / s.vehicle.speed.value()
             : net.links[l].mean_running_time().value();
  for (std::size_t i = 1; i + 1 < s.route.size(); ++i)
    h += s.stop_dwell(i).value();
  return h;
}

/// A fleet's vehicle stands where its trip ended; a service that ends where none of its
/// fleet's services starts strands its vehicles there.
void warn_stranded_vehicles(LoadContext &ctx) {
  for (std::size_t k = 0; k < ctx.net.services.size(); ++k) {
    const Service &s = ctx.net.services[k];
    if (s.fleet == no_fleet || s.route.empty())
      continue;
    const bool onward =
        std::any_of(ctx.net.services.begin(), ctx.net.services.end(), [&](const Service &o) {
          return o.fleet == s.fleet && !o.route.empty() && o.route.front() == s.route.back();
        });
    if (!onward)
      ctx.diag.warning(ctx.diag.pos(ctx.service_yaml[k]["fleet"]),
                       "service '" + s.id + "' ends at '" + ctx.net.nodes[s.route.back()].id +
                           "', where no service of fleet '" + ctx.net.fleets[s.fleet].id +
                           "' starts: its vehicles will stay there");
  }
}

void warn_short_fleets(LoadContext &ctx) {
  std::vector<double> hours_needed(ctx.net.fleets.size(), 0.0);
  for (const Service &s : ctx.net.services) {
    if (s.fleet == no_fleet || s.schedule.kind == Schedule::Kind::Dispatch)
      continue;
    const Fleet &f = ctx.net.fleets[s.fleet];
    hours_needed[s.fleet] +=
        s.schedule.departures_per_week() * (mean_run_hours(ctx.net, s) + f.turnaround.value());
  }
  for (std::size_t k = 0; k < ctx.net.fleets.size(); ++k) {
    const Fleet &f = ctx.net.fleets[k];
    const double needed = hours_needed[k] / hours_per_week;
    if (needed > f.vehicles)
      ctx.diag.warning(ctx.diag.pos(ctx.fleet_yaml[k]["vehicles"]),
                       fmt::format("fleet '{}' has {} vehicles, but its services' timetables "
                                   "need {:.1f} on mean run times and turnaround: departures "
                                   "will be cancelled",
                                   f.id, f.vehicles, needed));
  }
}

} // namespace

void warn_traffic_beyond_capacity(LoadContext &ctx) {
  TrafficCheck check(ctx);
  for (std::size_t k = 0; k < ctx.net.background.size(); ++k)
    check.add(k);
  check.report();
  warn_short_fleets(ctx);
  warn_stranded_vehicles(ctx);
}

} // namespace corsim::io
