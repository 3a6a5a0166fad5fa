#pragma once
/// \file model/work.hpp
/// What a run will cost, estimated from its inputs before it starts: a corridor that would
/// create more consignments or vehicle trips than a machine can hold is refused with a clear
/// message instead of growing to gigabytes (docs/robustness.md "Limits on work").

#include "corsim/model/simulation.hpp"
#include "corsim/network.hpp"

#include <string>

namespace corsim::model {

/// Per replication, over the warm-up and the horizon.
struct WorkEstimate {
  /// Demand flows (volume / mean size) and bookings, each counted in the pieces it splits into
  /// on the smallest vehicle (a 1,000,000-TEU booking on 2-TEU trucks is 500,000 of them).
  double consignments = 0.0;
  double vehicle_trips = 0.0;   ///< timetabled departures and background vehicles
  double weather_windows = 0.0; ///< weather occurrences times the links each one slows
  std::string largest_flow;     ///< the flow that creates the most consignments
  double largest_flow_consignments = 0.0;
  std::string largest_service; ///< the service or background stream with the most trips
  double largest_service_trips = 0.0;
};

/// Limits of one replication: at most this many consignments (about 1.5 GB if all of them
/// were waiting at once) and vehicle trips; and of a whole run (replications times both).
inline constexpr double max_consignments_per_replication = 5e6;
inline constexpr double max_vehicle_trips_per_replication = 5e6;
inline constexpr double max_weather_windows = 5e6;
inline constexpr double max_work_per_run = 2e9;

WorkEstimate estimate_work(const Network &net, const SimulationOptions &options);

/// "" when a run of `net` with `options` is within the limits, else what is over, by how
/// much, and what to change.
std::string work_problem(const Network &net, const SimulationOptions &options);

} // namespace corsim::model
