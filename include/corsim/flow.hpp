#pragma once
/// \file flow.hpp
/// Capacity on the network graph, in TEU per year:
/// - the max-flow bound between an origin and one or more destinations (push-relabel), with
///   the minimum cut named as the bottleneck;
/// - a min-cost assignment of an origin-destination demand matrix to routes under link and
///   facility capacities (successive shortest paths), with flows per route and unserved demand.
///
/// The flow graph is the node-level network (each node split into in -> out, carrying the
/// node's facility capacity; links carry their path capacity × TEU per path in each
/// direction). It is a relaxation of the routing graph: transfer rules (gauge, mode change) are
/// not applied, so max-flow is an upper bound. Facilities of the origin and destination nodes
/// are not counted (the question is what the corridor between them carries). See
/// docs/routing.md for the capacity of each facility.

#include "corsim/router.hpp"

#include <optional>
#include <string>
#include <vector>

namespace corsim {

struct FlowOptions {
  /// TEU per path where no service over the link gives a vehicle capacity.
  Teu teu_per_train{100.0};
  Teu teu_per_sailing{500.0};
  Teu teu_per_truck{1.0};
  RouteFilter filter; ///< closed nodes, links, modes, countries
  /// What the assignment minimises, per TEU; Generalised uses each demand flow's cargo class.
  Metric metric = Metric::Generalised;
  DwellOptions dwell; ///< driver-hours rests on road links (for time-based costs)
};

/// Capacity of a link in each direction, TEU/year; nullopt = unlimited (capacity 0 in the file).
std::optional<TeuPerYear> link_capacity(const Network &net, LinkIndex l, const FlowOptions &o);
/// Throughput of a node's most limiting facility, TEU/year; nullopt = no limiting facility.
std::optional<TeuPerYear> node_capacity(const Network &net, NodeIndex n, const FlowOptions &o);

/// One element of a minimum cut: a link (one direction) or a node's facilities.
struct CutElement {
  bool is_link = true;
  LinkIndex link = invalid_index; ///< when is_link
  NodeIndex node = 0;             ///< when !is_link
  NodeIndex from = 0;             ///< direction of a link in the cut
  NodeIndex to = 0;
  std::string name; ///< "L7 Suifenhe -> Ussuriysk (rail)" or "Manzhouli (node)"
  TeuPerYear capacity{0.0};
};

struct MaxFlowResult {
  TeuPerYear value{0.0};             ///< the bound, TEU/year
  bool unbounded = false;            ///< a path with no capacity limit exists
  std::vector<CutElement> min_cut;   ///< capacities sum to value; origin side first by index
  std::vector<TeuPerYear> link_flow; ///< per link, both directions together, TEU/year
};

/// Max-flow from `from` to the set `to`. Throws ApiMisuse for indices out of range.
MaxFlowResult max_flow(const Network &net, NodeIndex from, const std::vector<NodeIndex> &to,
                       const FlowOptions &options = {});

/// Demand on one route of the assignment.
struct RouteFlow {
  std::size_t demand = 0;       ///< index into the demand list
  std::vector<NodeIndex> nodes; ///< origin ... destination
  std::vector<LinkIndex> links;
  TeuPerYear volume{0.0};
  double cost_per_teu = 0.0; ///< in the unit of FlowOptions::metric
};

struct DemandOutcome {
  std::size_t demand = 0;
  TeuPerYear requested{0.0};
  TeuPerYear served{0.0};
  TeuPerYear unserved{0.0};
};

struct Assignment {
  std::vector<RouteFlow> routes;      ///< by demand, then cheapest route first
  std::vector<DemandOutcome> demands; ///< one per demand flow, in order
  double total_cost = 0.0;            ///< sum of volume × cost per TEU, per year
};

/// Assigns the demand flows in list order (earlier flows take capacity first), each by
/// successive shortest paths on the capacity left by the earlier ones, so each flow is sent at
/// minimum cost given those before it. Volumes are whole TEU/year.
Assignment assign_demand(const Network &net, const std::vector<DemandFlow> &demand,
                         const FlowOptions &options = {});

} // namespace corsim
