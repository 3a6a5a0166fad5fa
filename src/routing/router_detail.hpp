#pragma once
/// \file router_detail.hpp
/// Internal: the pieces shared by the route queries (router.cpp, yen.cpp, pareto.cpp).

#include "corsim/router.hpp"
#include "search_workspace.hpp"

#include <optional>
#include <vector>

namespace corsim::detail {

/// Per-query scratch state of a Router, reused across queries.
struct RouterWorkspace {
  SearchWorkspace<double> search;
  std::vector<double> weight;            ///< per arc, for the current query's metric
  std::vector<std::uint8_t> banned_arc;  ///< per arc (Yen spur searches)
  std::vector<std::uint8_t> banned_node; ///< per node: link arcs into it are banned (Yen)
};

/// Inputs of one restricted Dijkstra search.
struct Search {
  const RoutingView *view;
  std::vector<VertexIndex> sources; ///< all start at distance 0
  NodeIndex target;
  bool use_bans;
};

Usd value_of_time(const Network &net, CargoClass c);
void check_query(const RoutingGraph &g, const RouteQuery &q);
/// Whether the node sequence of an arc path has no repeated node.
bool loopless(const RoutingGraph &g, const std::vector<ArcIndex> &arcs);
/// Dijkstra over the view (and the workspace's bans when s.use_bans); the arc path to the
/// first arrival vertex of s.target settled, nullopt if none is reachable.
std::optional<std::vector<ArcIndex>> dijkstra(RouterWorkspace &ws, const Search &s);
/// Open departure vertices of a node.
std::vector<VertexIndex> source_vertices(const RoutingView &view, NodeIndex from);
/// Fills ws.weight for q.metric and q.cargo.
void set_weights(RouterWorkspace &ws, const RoutingGraph &g, const RouteQuery &q);

} // namespace corsim::detail
