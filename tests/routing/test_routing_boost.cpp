#include "corsim/routing_boost.hpp"
#include "teaching_corridor.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <catch2/catch.hpp>

#include <limits>

using namespace corsim;
using namespace corsim::testing;

namespace {

/// Shortest distance to any arrival vertex of `to`, by Boost's Dijkstra on a view.
double boost_distance(const RoutingView &view, NodeIndex from, NodeIndex to, Metric m) {
  const RoutingGraph &g = view.graph();
  const std::vector<double> w = arc_weights(g, m, Usd(1.0));
  double best = std::numeric_limits<double>::infinity();
  for (int p = 0; p < port_count; ++p) {
    const VertexIndex s = g.departure(from, static_cast<Port>(p));
    if (s == invalid_index || !view.vertex_open(s))
      continue;
    std::vector<double> d(g.vertex_count());
    boost::dijkstra_shortest_paths(view, s,
                                   boost::weight_map(routing_weight_map(w))
                                       .vertex_index_map(boost::identity_property_map())
                                       .distance_map(d.data()));
    for (int q = 0; q < port_count; ++q)
      if (const VertexIndex t = g.arrival(to, static_cast<Port>(q)); t != invalid_index)
        best = std::min(best, d[t]);
  }
  return best;
}

} // namespace

TEST_CASE("A filtered view is a Boost graph: Boost's Dijkstra agrees with the router",
          "[routing][boost]") {
  const Network net = teaching_corridor();
  const RoutingGraph g(net);
  Router router(g);
  RouteQuery q;
  q.from = CHC;
  for (Metric m : {Metric::Time, Metric::Cost, Metric::Co2}) {
    q.metric = m;
    for (NodeIndex to : {MOW, NGB, SLA, USS}) {
      q.to = to;
      for (bool close_mzl : {false, true}) {
        q.filter.closed_nodes = close_mzl ? std::vector<NodeIndex>{MZL} : std::vector<NodeIndex>{};
        const RoutingView view(g, q.filter);
        const auto r = router.best(q);
        INFO(to_string(m) << " to " << net.nodes[to].id << " MZL closed " << close_mzl);
        REQUIRE(r);
        CHECK(boost_distance(view, CHC, to, m) == Approx(r->weight));
      }
    }
  }
  SECTION("closed nodes are unreachable in the view") {
    RouteFilter f;
    f.avoid_countries = {"RU"};
    const RoutingView view(g, f);
    // Boost's "infinity" for unreached vertices is the largest double.
    CHECK(boost_distance(view, CHC, MOW, Metric::Time) >= std::numeric_limits<double>::max());
  }
}
