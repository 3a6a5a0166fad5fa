#pragma once
/// \file routing_boost.hpp
/// Optional, header-only: makes a RoutingView a Boost.Graph (IncidenceGraph + VertexListGraph),
/// so any Boost algorithm runs on a filtered view of the routing graph without copying it.
/// Vertices are VertexIndex, edges ArcIndex; arcs the view does not allow are skipped by the
/// out-edge iterators. Pass `boost::vertex_index_map(boost::identity_property_map())` and a weight
/// map over arcs (e.g. `routing_weight_map`). Requires the Boost headers (corsim's own code does
/// not include this file).
///
///   corsim::RoutingView view(graph, filter);
///   std::vector<double> w = corsim::arc_weights(graph, Metric::Time, Usd(1.0));
///   boost::dijkstra_shortest_paths(view, source, boost::weight_map(routing_weight_map(w))
///       .vertex_index_map(boost::identity_property_map()).distance_map(d.data()));

#include "corsim/router.hpp"
#include "corsim/routing_graph.hpp"

#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <utility>
#include <vector>

namespace corsim {

/// Predicate of the out-edge iterators: the arcs a view allows.
struct ArcAllowed {
  const RoutingView *view = nullptr;
  bool operator()(ArcIndex a) const { return view->allows(a); }
};

/// The weight of every arc under a metric (USD per TEU-hour for Generalised), indexed by arc.
inline std::vector<double> arc_weights(const RoutingGraph &g, Metric m, Usd value_of_time) {
  std::vector<double> w(g.arc_count());
  for (ArcIndex a = 0; a < g.arc_count(); ++a)
    w[a] = weight_of(g.metrics(a), m, value_of_time);
  return w;
}

/// A Boost property map reading `w` by arc index.
inline auto routing_weight_map(const std::vector<double> &w) {
  return boost::make_iterator_property_map(w.begin(), boost::identity_property_map());
}

} // namespace corsim

namespace boost {

template <> struct graph_traits<corsim::RoutingView> {
  struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
  using vertex_descriptor = corsim::VertexIndex;
  using edge_descriptor = corsim::ArcIndex;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using out_edge_iterator =
      filter_iterator<corsim::ArcAllowed, counting_iterator<corsim::ArcIndex>>;
  using vertex_iterator = counting_iterator<corsim::VertexIndex>;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return corsim::invalid_index; }
};

} // namespace boost

namespace corsim {

using RoutingViewTraits = boost::graph_traits<RoutingView>;

inline VertexIndex source(ArcIndex a, const RoutingView &v) { return v.graph().tail(a); }
inline VertexIndex target(ArcIndex a, const RoutingView &v) { return v.graph().head(a); }

inline std::pair<RoutingViewTraits::out_edge_iterator, RoutingViewTraits::out_edge_iterator>
out_edges(VertexIndex u, const RoutingView &v) {
  const ArcAllowed allowed{&v};
  const boost::counting_iterator<ArcIndex> first(v.graph().first_out(u));
  const boost::counting_iterator<ArcIndex> last(v.graph().first_out(u + 1));
  return {RoutingViewTraits::out_edge_iterator(allowed, first, last),
          RoutingViewTraits::out_edge_iterator(allowed, last, last)};
}

inline std::size_t out_degree(VertexIndex u, const RoutingView &v) {
  auto [first, last] = out_edges(u, v);
  return static_cast<std::size_t>(std::distance(first, last));
}

inline std::pair<RoutingViewTraits::vertex_iterator, RoutingViewTraits::vertex_iterator>
vertices(const RoutingView &v) {
  return {RoutingViewTraits::vertex_iterator(0),
          RoutingViewTraits::vertex_iterator(v.graph().vertex_count())};
}

inline std::size_t num_vertices(const RoutingView &v) { return v.graph().vertex_count(); }

} // namespace corsim
