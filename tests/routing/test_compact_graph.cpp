#include "corsim/compact_graph.hpp"
#include "corsim/error.hpp"
#include "corsim/router.hpp"
#include "teaching_corridor.hpp"

#include "../../bench/routing/graph_loaders.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <sstream>

using namespace corsim;

namespace {

/// Bellman-Ford: the independent reference (handles any arc order, no heap).
std::vector<std::uint64_t> bellman_ford(const CompactGraph &g, std::uint32_t s) {
  const auto inf = std::numeric_limits<std::uint64_t>::max();
  std::vector<std::uint64_t> d(g.node_count(), inf);
  d[s] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::uint32_t u = 0; u < g.node_count(); ++u)
      for (std::uint32_t a = g.first_out()[u]; a < g.first_out()[u + 1]; ++a)
        if (d[u] != inf && d[u] + g.weight()[a] < d[g.head()[a]]) {
          d[g.head()[a]] = d[u] + g.weight()[a];
          changed = true;
        }
  }
  return d;
}

CompactGraph random_graph(unsigned seed, std::uint32_t n, std::size_t m) {
  std::mt19937 rng(seed);
  std::vector<std::uint32_t> tail, head, weight;
  for (std::size_t i = 0; i < m; ++i) {
    tail.push_back(static_cast<std::uint32_t>(rng() % n));
    head.push_back(static_cast<std::uint32_t>(rng() % n));
    weight.push_back(static_cast<std::uint32_t>(rng() % 100)); // zero weights included
  }
  return CompactGraph::from_arcs(n, tail, head, weight);
}

} // namespace

TEST_CASE("Point-to-point queries equal Bellman-Ford on seeded random graphs",
          "[routing][compact][oracle]") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const CompactGraph g = random_graph(seed, 200, 600);
    ShortestPathQuery q(g);
    const std::uint32_t s = seed % 200;
    const auto ref = bellman_ford(g, s);
    for (std::uint32_t t = 0; t < 200; ++t) {
      const auto d = q.distance(s, t);
      INFO("seed " << seed << " target " << t);
      if (ref[t] == std::numeric_limits<std::uint64_t>::max()) {
        CHECK_FALSE(d);
        CHECK(q.path().empty());
        continue;
      }
      REQUIRE(d);
      CHECK(*d == ref[t]);
      const auto p = q.path();
      REQUIRE(!p.empty());
      CHECK(p.front() == s);
      CHECK(p.back() == t);
    }
  }
}

TEST_CASE("Graph readers parse DIMACS and PACE text", "[routing][compact]") {
  std::istringstream dimacs("c test\np sp 3 2\na 1 2 5\na 2 3 7\n");
  const CompactGraph g = bench::load_dimacs_gr(dimacs);
  ShortestPathQuery q(g);
  CHECK(q.distance(0, 2) == 12u);
  CHECK_FALSE(q.distance(2, 0));
  std::istringstream pace("c undirected\np tw 3 2\n1 2\n2 3\n");
  const CompactGraph u = bench::load_pace_gr(pace);
  ShortestPathQuery qu(u);
  CHECK(qu.distance(2, 0) == 2u);
  std::istringstream bad("p sp 2 1\na 1 3 5\n");
  CHECK_THROWS(bench::load_dimacs_gr(bad));
  CHECK_THROWS_AS(CompactGraph::from_arcs(2, {0}, {5}, {1}), ApiMisuse);
}

TEST_CASE("Filters and metrics are read from planners' names", "[routing][filter]") {
  const Network net = testing::teaching_corridor();
  const RouteFilter f = make_filter(net, {"rail", "sea"}, {"Manzhouli", "RU"});
  CHECK(f.modes == std::vector<Mode>{Mode::Rail, Mode::Sea});
  CHECK(f.closed_nodes == std::vector<NodeIndex>{testing::MZL});
  CHECK(f.avoid_countries == std::vector<std::string>{"RU"});
  CHECK_THROWS_AS(make_filter(net, {"air"}, {}), InputError);
  CHECK_THROWS_WITH(make_filter(net, {}, {"Manzhuli"}), Catch::Contains("Manzhouli"));
  CHECK(metric_from_string("generalized") == Metric::Generalised);
  CHECK_FALSE(metric_from_string("speed"));
}
