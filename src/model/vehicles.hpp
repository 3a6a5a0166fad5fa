#pragma once
// Vehicles: the timetabled departures of each service, and one process per trip that calls at
// each stop of its route (border, berth, unloading, gauge change, loading, dwell) and runs its
// legs over the links. Internal to corsim_model.

#include "stops.hpp"

#include <deque>
#include <optional>
#include <vector>

namespace corsim::model::detail {

class Vehicles {
public:
  Vehicles(Context &ctx, Facilities &facilities, Stops &stops, ResultsCollector &results);
  /// The departures of timetabled service `s`, for the whole run.
  Process timetable_departures(ServiceIndex s);
  /// Takes a vehicle of the service's fleet standing at `stop` (if it has a fleet), boards at
  /// once (so that a dispatch rule sees the queue emptied) and starts the trip; false, doing
  /// nothing, when no vehicle of its fleet stands there.
  bool launch(ServiceIndex s, std::size_t stop, bool extra = false);
  /// Starts a trip of background service `s` (ModelInputs::background_begin on) with `teu`.
  void launch_background(ServiceIndex s, double teu);

private:
  // Fleets (fleets.cpp).
  /// The fleets' vehicles spread over the first stops of their services.
  void place_fleets();
  /// The number of a vehicle of service `s`'s fleet standing at its stop `stop`, taken
  /// (UINT64_MAX without a fleet); nullopt when none stands there.
  std::optional<std::uint64_t> take_vehicle(ServiceIndex s, std::size_t stop);
  /// Vehicle `id` stands at `at`, the end of its trip, after the fleet's turnaround, offered to
  /// the fleet's dispatched services there; away from home it runs back empty on the first of
  /// them if none takes it within the fleet's empty_return.
  Process turn_around(std::uint32_t fleet, NodeIndex at, std::uint64_t id);
  /// Boards and starts a trip of `s` from `stop` with `vehicle` (already taken).
  void start(ServiceIndex s, std::size_t stop, std::uint64_t vehicle, bool extra = false);
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
  /// Whether the vehicle clears customs on arriving at its stop i / after loading at its
  /// first stop.
  [[nodiscard]] bool customs_on_arrival(const Trip &t, std::size_t i) const;
  [[nodiscard]] bool customs_on_departure(const Trip &t) const;

  Context &ctx_;
  Facilities &facilities_;
  Stops &stops_;
  ResultsCollector &results_;
  std::vector<RandomStream> link_rng_, weather_rng_;
  /// [fleet][node]: the vehicles ready to leave, by number, longest standing first.
  std::vector<std::vector<std::deque<std::uint64_t>>> standing_;
  std::vector<NodeIndex> home_; ///< per vehicle number: where it stood at the start
  std::uint64_t next_trip_ = 1;
};

} // namespace corsim::model::detail
