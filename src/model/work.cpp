#include "corsim/model/work.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace corsim::model {

namespace {

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, v < 1e5 ? "%.0f" : "%.2g", v);
  return text;
}

/// The fewest TEU a vehicle of the corridor carries: boxes larger than that travel as pieces.
double smallest_vehicle_teu(const Network &net) {
  double smallest = std::numeric_limits<double>::infinity();
  for (const Service &s : net.services) {
    const Vehicle &v = s.vehicle;
    if (v.capacity.value() > 0.0)
      smallest = std::min(smallest, v.capacity.value());
    if (v.type == VehicleType::Train && v.wagons > 0 && v.teu_per_wagon.value() > 0.0)
      smallest = std::min(smallest, v.wagons * v.teu_per_wagon.value());
  }
  return smallest;
}

double pieces(double teu, double smallest) { return std::max(1.0, std::ceil(teu / smallest)); }

/// Weather occurrences in the run times the links each one slows (each is a window per link).
double weather_windows(const Network &net, Hours until) {
  double n = 0.0;
  for (const Disruption &d : net.disruptions) {
    if (d.kind != DisruptionKind::Weather)
      continue;
    double links = 1.0;
    if (d.target != DisruptionTarget::Link)
      links =
          static_cast<double>(std::count_if(net.links.begin(), net.links.end(), [&](const Link &l) {
            return static_cast<std::uint32_t>(l.mode) == d.index;
          }));
    const double occurrences = d.yearly ? std::ceil(until.value() / hours_per_year) + 1.0 : 1.0;
    n += occurrences * links;
  }
  return n;
}

} // namespace

WorkEstimate estimate_work(const Network &net, const SimulationOptions &options) {
  WorkEstimate w;
  const double hours =
      (options.auto_warmup ? options.horizon * 2.0 : options.warmup + options.horizon)
          .value(); // an automatic warm-up is chosen at most as long as the run
  const double years = hours / hours_per_year;
  const double smallest = smallest_vehicle_teu(net);
  for (const DemandFlow &f : net.demand) {
    double n = 0.0;
    if (f.arrivals == ArrivalProcess::Bookings)
      for (const Booking &b : f.bookings)
        n += pieces(b.teu.value(), smallest);
    else
      n = f.volume.value() / f.size.mean() * years * pieces(f.size.mean(), smallest);
    w.consignments += n;
    if (n > w.largest_flow_consignments) {
      w.largest_flow = f.id;
      w.largest_flow_consignments = n;
    }
  }
  auto add_trips = [&w](const std::string &id, double n) {
    w.vehicle_trips += n;
    if (n > w.largest_service_trips) {
      w.largest_service = id;
      w.largest_service_trips = n;
    }
  };
  for (const Service &s : net.services)
    add_trips(s.id, s.schedule.departures_per_week() * hours / hours_per_week);
  for (const BackgroundTraffic &b : net.background)
    add_trips(b.service.id, b.per_hour.value() > 0.0 ? b.mean_per_hour() * hours
                                                     : b.service.schedule.departures_per_week() *
                                                           hours / hours_per_week);
  w.weather_windows = weather_windows(net, Hours(hours));
  return w;
}

std::string work_problem(const Network &net, const SimulationOptions &options) {
  const WorkEstimate w = estimate_work(net, options);
  if (w.consignments > max_consignments_per_replication)
    return "a replication would create about " + number(w.consignments) +
           " consignments, more than the limit of " + number(max_consignments_per_replication) +
           " (the most from flow '" + w.largest_flow + "', " + number(w.largest_flow_consignments) +
           "); check its volume and size, or run fewer days";
  if (w.vehicle_trips > max_vehicle_trips_per_replication)
    return "a replication would run about " + number(w.vehicle_trips) +
           " vehicle trips, more than the limit of " + number(max_vehicle_trips_per_replication) +
           " (the most from '" + w.largest_service + "', " + number(w.largest_service_trips) +
           "); check its schedule or rate, or run fewer days";
  if (w.weather_windows > max_weather_windows)
    return "weather disruptions would slow about " + number(w.weather_windows) +
           " link windows, more than the limit of " + number(max_weather_windows) +
           "; name links instead of a whole mode, or run fewer days";
  const int replications =
      std::max(options.replications,
               options.target_relative_half_width > 0.0 ? options.max_replications : 0);
  const double total = (w.consignments + w.vehicle_trips) * replications;
  if (total > max_work_per_run)
    return "the run would create about " + number(total) + " consignments and vehicle trips over " +
           std::to_string(replications) + " replications, more than the limit of " +
           number(max_work_per_run) + "; run fewer replications or fewer days";
  return "";
}

} // namespace corsim::model
