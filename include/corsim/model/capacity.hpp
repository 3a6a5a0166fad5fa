#pragma once
/// \file model/capacity.hpp
/// Capacity, one definition (docs/capacity.md): the capacity of an origin–destination (OD)
/// or of a crossing is the largest multiplier of its demand (the OD's flows, or every flow
/// through the crossing; the other flows and background traffic unchanged) at which the
/// system is stable — nothing grows without bound over the measured time (find_overloads:
/// TEU in the system, TEU waiting for a service, any facility's queue), the backlog stays
/// under two weeks of demand — and, with a target, the p95 transit meets it. Three methods:
/// - simulated: a search on that definition, one per replication on its own streams (common
///   random numbers between steps), giving the mean with a 95% interval;
/// - analytic: each resource the simulation used, its capacity from its parameters (units,
///   opening hours and holidays, rates, quotas, seats) against its load, which grows from
///   the base run's by the set's marginal load (measured between two runs);
/// - network: max-flow on the network graph, infrastructure only (corsim/flow.hpp).
///
/// Example:
/// \code
///   auto set = corsim::model::find_od(net, "CCX:DUI");
///   auto base = corsim::model::simulate(net, options);
///   auto half = corsim::model::simulate(scaled_to_half, options);
///   auto analytic = corsim::model::analytic_capacity(net, set, options, base, half, 0.5);
///   auto simulated = corsim::model::simulated_capacity(net, set, options, {});
/// \endcode

#include "corsim/flow.hpp"
#include "corsim/model/simulation.hpp"

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace corsim::model {

/// The demand flows a capacity question scales.
struct FlowSet {
  std::string label;                ///< "CCX → DUI", "through KRA"
  std::vector<FlowIndex> flows;     ///< in Network::demand order
  TeuPerYear demand{0.0};           ///< their volumes together, TEU/yr
  NodeIndex from = 0, to = 0;       ///< an OD's ends (find_od)
  std::optional<NodeIndex> through; ///< the crossing (flows_through)
  std::string through_id;           ///< its node id
};

/// The flows of "ORIGIN:DESTINATION" (node ids or names). Throws InputError without a ':',
/// for an unknown node (naming the closest known ones), and when no flow joins the two.
FlowSet find_od(const Network &net, const std::string &od);

/// Every flow whose routes in `base` (a run of `net`) pass the node `at` (node id or name),
/// its own ends included. Throws InputError for an unknown node and when no route passes it.
FlowSet flows_through(const Network &net, const SimulationResults &base, const std::string &at);

/// The nodes a route passes: along each service from where the box boards (the origin, or
/// where it left the previous service) to where it alights, ends included.
std::vector<NodeIndex> route_nodes(const Network &net, const std::vector<ServiceIndex> &services,
                                   NodeIndex origin, NodeIndex destination);

// --- analytic ---------------------------------------------------------------------------

/// What limits a resource: lanes × opening hours, a daily quota, seats on the departures,
/// train paths, lifts at a break of gauge, crane moves, berths.
enum class Limit { LanesHours, Quota, Seats, Paths, Lifts, Cranes, Berths };
const char *to_string(Limit l); ///< "lanes × hours", "quota", "seats", ...

/// One resource, with its capacity from its parameters.
struct ResourceCapacity {
  std::string name; ///< "customs at ZBK", "service CSO"
  /// What it is: a facility (`kind` at `node`, or train paths on `link`), or the seats of
  /// `service` (then `kind` is unused).
  FacilityKind kind = FacilityKind::Customs;
  NodeIndex node = 0;
  LinkIndex link = invalid_index;
  ServiceIndex service = invalid_index;
  Limit limit = Limit::LanesHours;
  bool per_vehicle = true;      ///< its unit: vehicles (else TEU)
  double capacity = 0.0;        ///< a year, in its unit
  double load = 0.0;            ///< a year in the base run, in its unit
  double marginal = 0.0;        ///< more a year per 1× more of the set's demand, in its unit
  double teu_per_vehicle = 0.0; ///< of the vehicles it served in the base run
  /// The set's multiplier that fills it: 1 + (capacity - load) / marginal; +inf when the
  /// set adds nothing to it.
  double multiplier = std::numeric_limits<double>::infinity();
  [[nodiscard]] double vehicles_per_day() const; ///< capacity, vehicles a day
  [[nodiscard]] double teu_per_year() const;     ///< capacity, TEU a year
};

/// Every resource of `net` limited by a rate, in the order of SimulationResults::facilities
/// (customs, checkpoints, gauge tracks, cranes, berths, train paths), then each timetabled
/// service's seats; capacities a year from the parameters and the calendars over [from, to);
/// loads 0. Seats use `vehicle_capacity[s]` TEU a departure where given (a run's, with the
/// train length limits), else the service's vehicle capacity.
std::vector<ResourceCapacity> rated_resources(const Network &net, Hours from, Hours to,
                                              const std::vector<double> &vehicle_capacity = {});

/// Whether `r` belongs to the crossing `node`: a facility there (not a link's paths, nor a
/// service's seats).
bool at_node(const ResourceCapacity &r, NodeIndex node);

/// The analytic capacity: every resource the set loads, the binding one first.
struct AnalyticCapacity {
  /// Of the set's demand: where the first resource fills; for a crossing (FlowSet::through),
  /// the first of its own (at_node), since the question is what the crossing carries.
  double multiplier = std::numeric_limits<double>::infinity();
  std::size_t binding = 0; ///< index in `resources` of the one at `multiplier`; size(): none
  std::vector<ResourceCapacity> resources; ///< those the set loads, smallest multiplier first
  /// Every rated resource with its load and marginal load measured, in rated_resources order
  /// (the network bound leaves the other flows' load, load - marginal, to the set).
  std::vector<ResourceCapacity> measured;
};

/// The capacity of each resource on the set's routes that the simulation used in `base` (a
/// run of `net` with `run` at 1× the set's demand), from its parameters and the calendars
/// over the measured window, against its load in `base` growing by the marginal load per 1×
/// of the set's demand, (load(base) - load(other)) / (1 - other_multiplier), `other` being a
/// run at `other_multiplier` (0 < it < 1) × on the same streams. A resource the set adds less
/// than 0.5% of its capacity to per 1× is left out.
AnalyticCapacity analytic_capacity(const Network &net, const FlowSet &set,
                                   const SimulationOptions &run, const SimulationResults &base,
                                   const SimulationResults &other, double other_multiplier);

// --- network ----------------------------------------------------------------------------

/// The max-flow bound of the network graph: infrastructure only, ignoring the services.
struct NetworkBound {
  double multiplier = std::numeric_limits<double>::infinity(); ///< of the set's demand
  bool unbounded = false;          ///< a path without capacity limits exists
  TeuPerYear max_flow{0.0};        ///< TEU/yr
  std::vector<CutElement> min_cut; ///< the bottleneck
};

/// max_flow() from the OD's origin to its destination, over the OD's demand; for a crossing,
/// the least of the max-flows from the set's origins to it and from it to their destinations.
NetworkBound network_bound(const Network &net, const FlowSet &set, const FlowOptions &options = {});

/// The network bound over the services: the largest multiplier of the set's demand that the
/// services' network carries, each flow routed freely over the services' legs (boarding and
/// alighting where a service stops, changing between gauges only with lifts), within each
/// resource's capacity less the other flows' load (load - marginal). A linear programme
/// (GLPK). A relaxation where a rule is not modelled (the timetable's times, customs at a
/// truck's last stop), so it bounds the simulated capacity from above. For a crossing
/// (FlowSet::through) only its own resources (at_node) limit it.
struct ServiceBound {
  double multiplier = std::numeric_limits<double>::infinity(); ///< of the set's demand
  bool unbounded = false;           ///< a route without a limited resource exists
  std::vector<std::string> binding; ///< resources at their limit, the most binding first
};

ServiceBound service_bound(const Network &net, const FlowSet &set,
                           const std::vector<ResourceCapacity> &resources);

/// The most TEU a year the services carry from `from` to `to` with no other traffic (the
/// network alone, as `corsim flow` asks): service_bound() of one flow of containers in boxes
/// of `box` TEU, over rated_resources() of a year. `multiplier` is then in TEU a year.
ServiceBound services_max_flow(const Network &net, NodeIndex from, NodeIndex to,
                               Teu box = Teu(2.0));

// --- simulated --------------------------------------------------------------------------

/// When a run at a multiplier is unstable, and how the search goes.
struct StabilityOptions {
  /// Also unstable when a flow's p95 transit passes this many days; none by default.
  std::optional<double> p95_days;
  int steps = 6;                  ///< bisection steps after the doubling
  double max_multiplier = 64.0;   ///< doubling from 1× stops here
  double lowest_multiplier = 0.1; ///< tried when 1× is unstable: below, no capacity
  int threads = 1;                ///< searches (one per replication) run at once
};

/// One run at `multiplier` × the set's demand, judged.
struct StabilityProbe {
  /// Checked in this order; the first one found is the verdict.
  enum class Verdict {
    Stable,
    Overloaded, ///< something grew without bound (find_overloads)
    Backlog,    ///< TEU never loaded at the end pass two weeks of the set's demand
    SlowP95     ///< a flow's p95 passes the target
  };
  double multiplier = 0.0;
  Verdict verdict = Verdict::Stable;
  TeuPerYear offered{0.0};   ///< multiplier × the set's demand, TEU/yr
  TeuPerYear delivered{0.0}; ///< by the set's flows, TEU/yr
  Teu backlog{0.0};          ///< of the set's flows at the end of the run, TEU
  Hours transit_p95{0.0};    ///< the largest p95 transit of the set's flows, hours
  /// Overloaded: what grew first (a queue or a service before the total); else, when
  /// unstable, the first of the run's bottlenecks (by TEU-hours of delay) that is a service
  /// the set's boxes rode, if any.
  std::string growing;
  [[nodiscard]] bool stable() const { return verdict == Verdict::Stable; }
};

/// Judges `r`, a run at `multiplier` × the set's demand, by its overloads (find_overloads),
/// then its backlog and p95. For a crossing only the queues of its own facilities count, and
/// not the backlog (boxes not yet loaded have not reached it).
StabilityProbe judge_stability(const SimulationResults &r, const FlowSet &set, double multiplier,
                               const StabilityOptions &options);

/// One search: doubling from 1× until a run is unstable (up to max_multiplier), then `steps`
/// bisections; when 1× is unstable, lowest_multiplier is tried first.
struct StabilitySearch {
  enum class Outcome {
    Found,     ///< stable at `multiplier`, unstable at `unstable.multiplier`
    NotFound,  ///< stable even at max_multiplier (`multiplier`)
    NoCapacity ///< unstable even at lowest_multiplier (`multiplier` is 0)
  };
  Outcome outcome = Outcome::Found;
  double multiplier = 0.0;            ///< the largest found stable
  StabilityProbe unstable;            ///< the run just above (NoCapacity: at lowest_multiplier)
  std::vector<StabilityProbe> probes; ///< every run, in the order run
};

/// A run of the scenario at `multiplier` × the set's demand, replication `replication` alone.
/// Called from several threads at once when StabilityOptions::threads > 1.
using RunReplication = std::function<SimulationResults(double multiplier, int replication)>;

/// The simulated capacity: one search per replication, on its own streams.
struct SimulatedCapacity {
  Estimate multiplier;                   ///< over the replications' searches (NoCapacity counts 0)
  std::vector<StabilitySearch> searches; ///< by replication
  /// What grew first in most of the searches' first unstable runs ("queue at customs at
  /// KRA"), or the verdict with where boxes were delayed most ("backlog over two weeks of
  /// demand, most delay at service CMO (rolled over)").
  std::string binding;
  [[nodiscard]] bool all(StabilitySearch::Outcome o) const;
  [[nodiscard]] bool any(StabilitySearch::Outcome o) const;
};

/// The searches of `replications` replications, `options.threads` at once; the result does
/// not depend on the threads.
SimulatedCapacity simulated_capacity(const FlowSet &set, const RunReplication &run,
                                     int replications, const StabilityOptions &options);

/// The same, running simulate() on copies of `net` with the set's volumes scaled, one
/// replication (options.first_replication + r) at a time on one thread.
SimulatedCapacity simulated_capacity(const Network &net, const FlowSet &set,
                                     const SimulationOptions &run, const StabilityOptions &options);

/// Why the three differ, with the numbers: one "- ...\n" line per reason, for a reader.
std::string explain_capacity(const AnalyticCapacity &analytic, const ServiceBound &network,
                             const SimulatedCapacity &simulated);

} // namespace corsim::model
