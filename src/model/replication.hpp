#pragma once
// One replication of the corridor simulation: its components, wired together, and the run.
// Each concept lives in its own files (docs/architecture.md):
//   context      the engine, the run's inputs, the trace and notes    context.hpp
//   consignments the boxes and their itineraries                      consignments.hpp
//   facilities   stations at nodes and links, their statistics        facilities.hpp
//   planner      plan, choose and book a box's itinerary              planner.hpp
//   demand       consignments generated per flow                      demand.hpp
//   stops        queues, yards, dispatch, boarding and alighting      stops.hpp
//   vehicles     train, vessel and truck trips, fleets                vehicles.hpp
//   background   other origins' vehicles through the same facilities  background.hpp
//   results      flow and service statistics                          results_collector.hpp
// Internal to corsim_model.

#include "background.hpp"
#include "demand.hpp"

#include <functional>

namespace corsim::model::detail {

class Replication {
public:
  Replication(const ModelInputs &in, int replication);
  Replication(const Replication &) = delete;
  Replication &operator=(const Replication &) = delete;
  void run();
  /// Calls `hook` every `period` ticks of the measured time (not at its start), after the
  /// other events at that time; set before run(). For time series.
  void every(Tick period, std::function<void(Tick)> hook);

  // What the summary reads after run().
  [[nodiscard]] const Context &context() const { return ctx_; }
  [[nodiscard]] const Facilities &facilities() const { return facilities_; }
  [[nodiscard]] const ResultsCollector &results() const { return results_; }
  [[nodiscard]] const Consignments &consignments() const { return boxes_; }
  [[nodiscard]] const Stops &stops() const { return stops_; }
  [[nodiscard]] Conservation totals() const { return results_.totals(boxes_); }

private:
  void reset_statistics();
  void schedule_period(Tick at);

  Context ctx_; // first: its engine outlives the resources and processes below
  Consignments boxes_;
  Facilities facilities_;
  ResultsCollector results_;
  Planner planner_;
  Stops stops_;
  Vehicles vehicles_;
  Background background_;
  Demand demand_;
  Tick period_ = 0;
  std::function<void(Tick)> period_hook_;
};

} // namespace corsim::model::detail
