#pragma once
// Vehicles: the timetabled departures of each service, and one process per trip that calls at
// each stop of its route (border, berth, unloading, gauge change, loading, dwell) and runs its
// legs over the links. Internal to corsim_model.

#include "stops.hpp"

#include <vector>

namespace corsim::model::detail {

class Vehicles {
public:
  Vehicles(Context &ctx, Facilities &facilities, Stops &stops, ResultsCollector &results);
  /// The departures of timetabled service `s`, for the whole run.
  Process timetable_departures(ServiceIndex s);
  /// Boards at once (so that a dispatch rule sees the queue emptied), then starts the trip.
  void launch(ServiceIndex s, std::size_t stop);
  /// Starts a trip of background service `s` (ModelInputs::background_begin on) with `teu`.
  void launch_background(ServiceIndex s, double teu);

private:
  /// A vehicle of timetabled service `s`'s fleet standing at its first stop, taken; false
  /// when none stands there (always true without a fleet).
  bool take_vehicle(ServiceIndex s);
  /// The trip's vehicle stands at its last stop after the fleet's turnaround.
  Process turn_around(std::uint32_t fleet, NodeIndex at);
  /// At the end of a trip: the vehicle back to its fleet, or a background vehicle leaves.
  void finished(const Trip &t);
  Process trip(Trip t, std::size_t start);
  Process call(Trip &t, std::size_t i, std::size_t start);
  [[nodiscard]] double unloading(const Trip &t, std::size_t i, bool last) const;
  double loading(Trip &t, std::size_t i, bool first);
  Process ride(Trip &t, std::size_t i);
  Hours run_leg(Trip &t, std::size_t i);
  /// Ticks until `cut` opens again (0 when open now), charged to the trip as closure.
  Tick closed_for(const Timeline &cut, Trip &t) const;

  Context &ctx_;
  Facilities &facilities_;
  Stops &stops_;
  ResultsCollector &results_;
  std::vector<RandomStream> link_rng_, weather_rng_;
  std::vector<std::vector<int>> standing_; ///< [fleet][node]: vehicles ready to leave
  std::uint64_t next_trip_ = 1;
};

} // namespace corsim::model::detail
