#pragma once
/// \file router.hpp
/// Route queries on a RoutingGraph: best route by a metric, k loopless alternatives (Yen),
/// routes under constraints (max time, cost, CO2; via nodes) and the Pareto set over
/// (time, cost, CO2). All answers are exact and deterministic: searches order vertices by
/// (weight, vertex index) and only replace a predecessor on a strict improvement; Yen's
/// candidates are ranked by (weight, arc sequence). See docs/routing.md.

#include "corsim/routing_graph.hpp"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace corsim {

namespace detail {
struct RouterWorkspace;
}

/// What a route is optimised for.
enum class Metric {
  Time,        ///< hours
  Cost,        ///< USD per TEU
  Co2,         ///< tonnes CO2e per TEU
  Generalised, ///< USD per TEU: cost + value of time (per cargo class, USD/TEU-h) × hours
  Length       ///< km
};
const char *to_string(Metric m); ///< "time", "cost", "co2", "generalised", "length"
/// "time", "cost", "co2", "generalised" (or "generalized"), "length"; nullopt otherwise.
std::optional<Metric> metric_from_string(std::string_view s);

/// The weight of metrics under `metric`, with `value_of_time` in USD per TEU-hour.
double weight_of(const ArcMetrics &m, Metric metric, Usd value_of_time);

/// One leg of a route: consecutive arcs of the same kind (a link, a dwell or a transfer).
struct RouteLeg {
  ArcKind kind = ArcKind::Link;
  NodeIndex from = 0;
  NodeIndex to = 0;
  Port from_port = Port::Rail1435; ///< port at `from`
  Port to_port = Port::Rail1435;   ///< port at `to`
  LinkIndex link = invalid_index;  ///< Link legs only
  ArcMetrics metrics;
};

struct Route {
  std::vector<ArcIndex> arcs;   ///< arcs of the routing graph, in order
  std::vector<NodeIndex> nodes; ///< nodes visited, origin first, no repeats
  std::vector<RouteLeg> legs;   ///< one per arc
  ArcMetrics totals;            ///< sums over the arcs, per TEU
  double weight = 0.0;          ///< value of the query's metric
};

/// A question. Indices come from Network::find_node.
struct RouteQuery {
  NodeIndex from = 0;
  NodeIndex to = 0;
  Metric metric = Metric::Time;
  CargoClass cargo = CargoClass::Containers; ///< picks the value of time
  RouteFilter filter;
  std::vector<NodeIndex> via;    ///< must be visited, in this order
  std::optional<Hours> max_time; ///< constraints (inclusive)
  std::optional<Usd> max_cost;
  std::optional<Tonnes> max_co2;

  [[nodiscard]] bool constrained() const { return !via.empty() || max_time || max_cost || max_co2; }
};

/// Runs queries on a graph. Not thread-safe (keeps search workspaces); use one per thread.
class Router {
public:
  explicit Router(const RoutingGraph &graph);
  ~Router();
  Router(const Router &) = delete;
  Router &operator=(const Router &) = delete;

  [[nodiscard]] const RoutingGraph &graph() const { return *graph_; }

  /// The best route by q.metric honouring q.filter, q.via and the max_* constraints;
  /// nullopt when none exists. Throws ApiMisuse for node indices out of range.
  [[nodiscard]] std::optional<Route> best(const RouteQuery &q);
  /// Up to k loopless routes in increasing weight (Yen's algorithm), all honouring the query;
  /// fewer when fewer exist. With constraints, Yen's sequence is filtered (at most
  /// `max_candidates` routes are examined).
  [[nodiscard]] std::vector<Route> alternatives(const RouteQuery &q, int k,
                                                int max_candidates = 5000);
  /// The non-dominated routes over (time, cost, CO2) honouring filter and max_* constraints
  /// (via is ignored), sorted by time, then cost, then CO2. Exact label-setting search.
  [[nodiscard]] std::vector<Route> pareto(const RouteQuery &q);

  /// Builds a Route from a sequence of arcs (for callers and tests).
  [[nodiscard]] Route make_route(const std::vector<ArcIndex> &arcs, const RouteQuery &q) const;

private:
  [[nodiscard]] std::optional<Route> shortest(const RouteQuery &q);
  [[nodiscard]] bool satisfies(const Route &r, const RouteQuery &q) const;
  const RoutingGraph *graph_;
  std::unique_ptr<detail::RouterWorkspace> ws_;
};

} // namespace corsim
