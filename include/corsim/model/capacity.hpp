#pragma once
/// \file model/capacity.hpp
/// The capacity of a corridor for one origin–destination (OD), three ways, each as a
/// multiplier of the OD's demand (the other flows unchanged):
/// - analytic: each capacity-limited resource (a timetabled service's TEU a year, a node's
///   facilities at their max-flow rating) against the load the flows put on it per unit of
///   demand, from a base run's route shares;
/// - network: the max-flow bound of the network graph (corsim/flow.hpp);
/// - simulated: the largest multiplier at which simulation runs are not saturated (doubling,
///   then bisection, on common random numbers).
/// docs/cli.md (`corsim capacity`) shows the three side by side and why they differ.
///
/// Example:
/// \code
///   auto od = corsim::model::find_od(net, "CCX:DUI");
///   auto base = corsim::model::simulate(net, options);
///   auto analytic = corsim::model::analytic_bound(net, base, od);
///   auto network = corsim::model::network_bound(net, od);
///   auto simulated = corsim::model::saturation_search(net, od, options, {});
///   std::string why = corsim::model::explain_capacity(analytic.multiplier,
///                         network.multiplier, simulated.multiplier);
/// \endcode

#include "corsim/flow.hpp"
#include "corsim/model/simulation.hpp"

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace corsim::model {

/// The demand flows from one node to another.
struct OdFlows {
  NodeIndex from = 0, to = 0;
  std::vector<FlowIndex> flows; ///< in Network::demand order
  TeuPerYear demand{0.0};       ///< their volumes together, TEU/yr
};

/// The flows of "ORIGIN:DESTINATION" (node ids or names). Throws InputError without a ':',
/// for an unknown node (naming the closest known ones), and when no flow joins the two.
OdFlows find_od(const Network &net, const std::string &od);

/// The analytic bound: the first resource the OD's demand fills.
struct AnalyticBound {
  /// Of the OD's demand; +infinity when its routes use no capacity-limited resource.
  double multiplier = std::numeric_limits<double>::infinity();
  std::string resource;          ///< "service X" or "facilities at N"; "" when none
  TeuPerYear capacity{0.0};      ///< the resource's, TEU/yr
  TeuPerYear other_load{0.0};    ///< the other flows' load on it, TEU/yr
  TeuPerYear load_per_unit{0.0}; ///< the OD's load on it at 1× its demand, TEU/yr
};

/// Each resource's capacity against its load per unit of demand: the load matrix (resources
/// × flows, from the route shares of `base`, a run of `net`) times the demand. The bound is
/// the smallest multiplier of the OD's demand that fills one:
/// max(0, capacity - other_load) / load_per_unit. Trucks dispatched on demand have no limit;
/// the facilities of the nodes a route passes (not its ends) do.
AnalyticBound analytic_bound(const Network &net, const SimulationResults &base, const OdFlows &od);

/// The max-flow bound of the network graph.
struct NetworkBound {
  double multiplier = std::numeric_limits<double>::infinity(); ///< of the OD's demand
  bool unbounded = false;          ///< a path without capacity limits exists
  TeuPerYear max_flow{0.0};        ///< TEU/yr
  std::vector<CutElement> min_cut; ///< the bottleneck
};

/// max_flow() from the OD's origin to its destination, over the OD's demand.
NetworkBound network_bound(const Network &net, const OdFlows &od, const FlowOptions &options = {});

/// When a run at a multiplier counts as saturated, and how the search goes.
struct SaturationOptions {
  /// Also saturated when a flow's mean p95 transit passes this many days; none by default.
  std::optional<double> p95_days;
  int steps = 6;                  ///< bisection steps after the doubling
  double max_multiplier = 64.0;   ///< doubling from 1× stops here
  double lowest_multiplier = 0.1; ///< tried when 1× is saturated: below, the target is unmet
};

/// One run at `multiplier` × the OD's demand, judged.
struct SaturationProbe {
  /// Saturated when the backlog (TEU never loaded) passes two weeks of demand, less than
  /// 80% of the demand is delivered, or (with a target) a flow's p95 passes the target;
  /// checked in that order, the first one found is the reason.
  enum class Verdict { NotSaturated, Backlog, Undelivered, SlowP95 };
  double multiplier = 0.0;
  Verdict verdict = Verdict::NotSaturated;
  TeuPerYear offered{0.0};   ///< multiplier × the OD's demand, TEU/yr
  TeuPerYear delivered{0.0}; ///< by the OD's flows, TEU/yr (means over replications)
  Teu backlog{0.0};          ///< of the OD's flows at the end of the run, TEU
  Hours transit_p95{0.0};    ///< the largest p95 transit of the OD's flows, hours
  [[nodiscard]] bool saturated() const { return verdict != Verdict::NotSaturated; }
};

/// Judges `r`, a run at `multiplier` × the OD's demand.
SaturationProbe judge_saturation(const SimulationResults &r, const OdFlows &od, double multiplier,
                                 const SaturationOptions &options);

/// The simulated saturation point.
struct SaturationResult {
  enum class Outcome {
    Found,        ///< saturated between `multiplier` and `saturated.multiplier`
    NotSaturated, ///< not at max_multiplier (`multiplier`: the last one tried, the first ≥ it)
    TargetUnmet   ///< saturated even at lowest_multiplier (`multiplier` is 0): a timetable limit
  };
  Outcome outcome = Outcome::Found;
  double multiplier = 0.0; ///< the largest found not saturated, × the OD's demand
  /// Found: the run just above `multiplier`; NotSaturated: the run at max_multiplier;
  /// TargetUnmet: the run at lowest_multiplier.
  SaturationProbe saturated;
  std::vector<SaturationProbe> probes; ///< every run, in the order run
};

/// Runs the scenario with `multiplier` × the OD's demand, the rest unchanged, on the same
/// run settings (common random numbers). The caller may spread the replications (MPI), show
/// progress, and scale the loaded network with scale_demand (corsim/model/whatif.hpp, as
/// `corsim capacity` does) or re-read the scenario with the multiplier applied as a change.
using RunAtMultiplier = std::function<SimulationResults(double multiplier)>;

/// Doubling from 1× until a run saturates (up to max_multiplier), then `steps` bisections.
/// When 1× is saturated, lowest_multiplier is tried first: the bisection then starts there.
SaturationResult saturation_search(const OdFlows &od, const RunAtMultiplier &run,
                                   const SaturationOptions &options);

/// The same, running simulate() on copies of `net` whose OD flows' volumes are scaled.
SaturationResult saturation_search(const Network &net, const OdFlows &od,
                                   const SimulationOptions &run, const SaturationOptions &options);

/// Why the three multipliers differ: one "- ...\n" line per reason, for a reader.
std::string explain_capacity(double analytic, double network, double simulated);

} // namespace corsim::model
