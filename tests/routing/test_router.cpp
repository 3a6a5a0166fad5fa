#include "corsim/router.hpp"
#include "corsim/routing_graph.hpp"
#include "teaching_corridor.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>

using namespace corsim;
using namespace corsim::testing;

namespace {

RouteQuery query(NodeIndex from, NodeIndex to, Metric m = Metric::Time) {
  RouteQuery q;
  q.from = from;
  q.to = to;
  q.metric = m;
  return q;
}

std::vector<NodeIndex> nodes_of(const std::optional<Route> &r) {
  REQUIRE(r);
  return r->nodes;
}

} // namespace

TEST_CASE("The routing graph splits nodes into ports and allows only plausible transfers",
          "[routing][graph]") {
  const Network net = teaching_corridor();
  const RoutingGraph g(net);
  SECTION("ports follow the incident links; a dual link gives both rail ports") {
    CHECK(g.arrival(CHC, Port::Rail1435) != invalid_index);
    CHECK(g.arrival(CHC, Port::Rail1520) == invalid_index);
    CHECK(g.arrival(MZL, Port::Rail1520) != invalid_index);
    CHECK(g.arrival(HUN, Port::Road) != invalid_index);
    CHECK(g.arrival(SLA, Port::Sea) != invalid_index);
  }
  SECTION("gauge change only at a gauge-change yard") {
    CHECK(g.find_arc(g.arrival(MZL, Port::Rail1435), g.departure(MZL, Port::Rail1520)) ==
          invalid_index);
    const ArcIndex zbk =
        g.find_arc(g.arrival(ZBK, Port::Rail1435), g.departure(ZBK, Port::Rail1520));
    REQUIRE(zbk != invalid_index);
    CHECK(g.metrics(zbk).time.value() == Approx(8.0)); // 100 TEU / 50 per h + 6 h customs
  }
  SECTION("mode changes only where a seaport or handling is") {
    CHECK(g.find_arc(g.arrival(HUN, Port::Rail1435), g.departure(HUN, Port::Road)) !=
          invalid_index);
    CHECK(g.metrics(g.find_arc(g.arrival(HUN, Port::Rail1435), g.departure(HUN, Port::Road)))
              .time.value() == Approx(6.0)); // 4 h handling + 2 h checkpoint
    CHECK(g.metrics(g.find_arc(g.arrival(SLA, Port::Road), g.departure(SLA, Port::Sea)))
              .time.value() == Approx(2.0)); // 2 h seaport; the vessel clears customs
    const ArcIndex sea = g.find_arc(g.departure(SLA, Port::Sea), g.arrival(NGB, Port::Sea));
    REQUIRE(sea != invalid_index); // 110 h at sea + 12 h customs at SLA (none at NGB)
    CHECK(g.metrics(sea).time.value() == Approx(122.0));
  }
  SECTION("through dwell is customs, plus the checkpoint on the road") {
    const ArcIndex a = g.find_arc(g.arrival(MZL, Port::Rail1435), g.departure(MZL, Port::Rail1435));
    CHECK(g.metrics(a).time.value() == Approx(6.0)); // 4 h + 25 % × 8 h
  }
}

TEST_CASE("Road links take the driver-hours rests", "[routing][graph]") {
  DwellOptions o;
  o.driver_hours = DriverHoursRules{};
  Link road_link;
  road_link.mode = Mode::Road;
  const auto elapsed = [&](double driving, const DwellOptions &with) {
    road_link.running_time = DistributionSpec::fixed(driving);
    return mean_elapsed_time(road_link, with.driver_hours).value();
  };
  CHECK(elapsed(3.0, o) == Approx(3.0));
  CHECK(elapsed(4.5, o) == Approx(4.5));  // no break at the end
  CHECK(elapsed(5.0, o) == Approx(5.75)); // one 45-min break
  CHECK(elapsed(9.0, o) == Approx(9.75));
  CHECK(elapsed(10.0, o) == Approx(10 + 0.75 + 11));
  // Vladivostok-Moscow by TIR truck: 143.1 h at the wheel, 15 nights, 16 breaks.
  CHECK(elapsed(143.1, o) == Approx(143.1 + 15 * 11 + 16 * 0.75));
  CHECK(elapsed(143.1, DwellOptions{}) == Approx(143.1)); // off
  road_link.mode = Mode::Rail;
  CHECK(elapsed(143.1, o) == Approx(143.1)); // rests only on the road
  const Network net = teaching_corridor();
  const RoutingGraph g(net, o);
  const ArcIndex road = g.link_arc(L4, HUN, Port::Road);
  CHECK(g.metrics(road).time.value() == Approx(3.0)); // under 4.5 h: no break
}

TEST_CASE("Best routes on the teaching corridor match hand calculation", "[routing][best]") {
  const Network net = teaching_corridor();
  const RoutingGraph g(net);
  Router router(g);
  SECTION("fastest Changchun-Moscow goes via Manzhouli, changing gauge at Zabaikalsk") {
    auto r = router.best(query(CHC, MOW, Metric::Time));
    CHECK(nodes_of(r) == std::vector<NodeIndex>{CHC, MZL, ZBK, MOW});
    CHECK(r->totals.time.value() == Approx(30 + 6 + 1 + 8 + 150));
    CHECK(r->totals.cost.value() == Approx(2650));
    CHECK(r->totals.co2.value() == Approx((20 * 1200 + 20 * 10 + 15 * 6600) * 10 / 1e6));
    CHECK(r->totals.length.value() == Approx(7810));
  }
  SECTION("cheapest Changchun-Moscow goes via Suifenhe and Ussuriysk") {
    auto r = router.best(query(CHC, MOW, Metric::Cost));
    CHECK(nodes_of(r) == std::vector<NodeIndex>{CHC, SFH, USS, MOW});
    CHECK(r->totals.time.value() == Approx(20 + 4 + 4 + 2 + 190));
    CHECK(r->weight == Approx(2000));
  }
  SECTION("generalised cost depends on the cargo class's value of time") {
    auto q = query(CHC, MOW, Metric::Generalised);
    CHECK(nodes_of(router.best(q))[1] == SFH); // 2000 + 220 < 2650 + 195
    q.cargo = CargoClass::Ecommerce;
    auto r = router.best(q);
    CHECK(nodes_of(r)[1] == MZL); // 2650 + 30 × 195 < 2000 + 30 × 220
    CHECK(r->weight == Approx(2650 + 30 * 195));
  }
  SECTION("Ningbo: rail is fastest, via Slavyanka is cheapest and cleanest") {
    CHECK(nodes_of(router.best(query(CHC, NGB, Metric::Time))) == std::vector<NodeIndex>{CHC, NGB});
    auto r = router.best(query(CHC, NGB, Metric::Co2));
    CHECK(nodes_of(r) == std::vector<NodeIndex>{CHC, HUN, SLA, NGB});
    CHECK(r->totals.time.value() == Approx(20 + 6 + 3 + 2 + 110 + 12)); // customs with the ship
    CHECK(r->totals.cost.value() == Approx(950));
  }
  SECTION("the same query gives the same route") {
    auto a = router.best(query(CHC, MOW, Metric::Time));
    auto b = router.best(query(CHC, MOW, Metric::Time));
    CHECK(a->arcs == b->arcs);
  }
}

TEST_CASE("Filters close nodes, links, modes and countries without copying the graph",
          "[routing][filter]") {
  Network net = teaching_corridor();
  const RoutingGraph g(net);
  Router router(g);
  auto q = query(CHC, MOW);
  SECTION("closing Manzhouli leaves Suifenhe") {
    q.filter.closed_nodes = {MZL};
    CHECK(nodes_of(router.best(q))[1] == SFH);
  }
  SECTION("avoiding Russia leaves no route to Moscow") {
    q.filter.avoid_countries = {"RU"};
    CHECK_FALSE(router.best(q));
    q.to = NGB;
    q.metric = Metric::Cost;
    CHECK(nodes_of(router.best(q)) == std::vector<NodeIndex>{CHC, NGB});
  }
  SECTION("closing the direct rail link sends Ningbo boxes by sea") {
    q.to = NGB;
    q.filter.closed_links = {L9};
    CHECK(nodes_of(router.best(q)) == std::vector<NodeIndex>{CHC, HUN, SLA, NGB});
  }
  SECTION("rail only") {
    q.to = NGB;
    q.metric = Metric::Cost;
    q.filter.modes = {Mode::Rail};
    CHECK(nodes_of(router.best(q)) == std::vector<NodeIndex>{CHC, NGB});
  }
  SECTION("a gauge change without a yard is not allowed") {
    net.nodes[USS].gauge_change.reset();
    const RoutingGraph g2(net);
    Router r2(g2);
    q.filter.closed_nodes = {MZL};
    CHECK_FALSE(r2.best(q));
  }
}

TEST_CASE("Constraints, via nodes and alternatives on the teaching corridor",
          "[routing][constrained]") {
  const Network net = teaching_corridor();
  const RoutingGraph g(net);
  Router router(g);
  SECTION("two ways to Moscow, ranked") {
    auto alt = router.alternatives(query(CHC, MOW, Metric::Time), 5);
    REQUIRE(alt.size() == 2);
    CHECK(alt[0].weight == Approx(195));
    CHECK(alt[1].weight == Approx(220));
  }
  SECTION("cheapest within 8.5 days is the fast route") {
    auto q = query(CHC, MOW, Metric::Cost);
    q.max_time = Hours(8.5 * 24);
    CHECK(nodes_of(router.best(q))[1] == MZL);
    q.max_time = Hours(7 * 24);
    CHECK_FALSE(router.best(q));
  }
  SECTION("fastest under a budget") {
    auto q = query(CHC, NGB, Metric::Time);
    q.max_cost = Usd(1000);
    CHECK(nodes_of(router.best(q))[1] == HUN);
    q.max_co2 = Tonnes(0.3);
    CHECK_FALSE(router.best(q));
  }
  SECTION("via Ussuriysk") {
    auto q = query(CHC, MOW, Metric::Time);
    q.via = {USS};
    CHECK(nodes_of(router.best(q)) == std::vector<NodeIndex>{CHC, SFH, USS, MOW});
  }
  SECTION("the Pareto set to Moscow holds both routes") {
    auto front = router.pareto(query(CHC, MOW));
    REQUIRE(front.size() == 2);
    CHECK(front[0].totals.time.value() == Approx(195));
    CHECK(front[1].totals.cost.value() == Approx(2000));
  }
}

// ---- independent references on seeded random graphs ----

namespace {

using Matrix = std::vector<std::vector<double>>;

double link_weight(const Network &net, const Link &l, Metric m) {
  switch (m) {
  case Metric::Time:
    return l.running_time.mean();
  case Metric::Cost:
    return l.cost.value();
  case Metric::Co2:
    return l.co2.value() * l.length.value() * net.settings.tonnes_per_teu.value() / 1e6;
  case Metric::Length:
    return l.length.value();
  case Metric::Generalised:
    return l.cost.value() + 1.0 * l.running_time.mean();
  }
  return 0.0;
}

/// Textbook O(V^2) Dijkstra on a weight matrix (min over parallel links).
std::vector<double> textbook_dijkstra(const Network &net, NodeIndex s, Metric m) {
  const std::size_t n = net.nodes.size();
  const double inf = std::numeric_limits<double>::infinity();
  Matrix w(n, std::vector<double>(n, inf));
  for (const Link &l : net.links) {
    w[l.from][l.to] = std::min(w[l.from][l.to], link_weight(net, l, m));
    if (!l.oneway)
      w[l.to][l.from] = std::min(w[l.to][l.from], link_weight(net, l, m));
  }
  std::vector<double> d(n, inf);
  std::vector<bool> done(n, false);
  d[s] = 0.0;
  for (std::size_t it = 0; it < n; ++it) {
    std::size_t u = n;
    for (std::size_t v = 0; v < n; ++v)
      if (!done[v] && d[v] < inf && (u == n || d[v] < d[u]))
        u = v;
    if (u == n)
      break;
    done[u] = true;
    for (std::size_t v = 0; v < n; ++v)
      d[v] = std::min(d[v], d[u] + w[u][v]);
  }
  return d;
}

struct PathValue {
  std::array<double, 3> tce; ///< time, cost, CO2
  double weight;
};

/// Every simple path from s to t, by brute force.
std::vector<PathValue> all_simple_paths(const Network &net, NodeIndex s, NodeIndex t, Metric m) {
  std::vector<PathValue> out;
  std::vector<bool> on(net.nodes.size(), false);
  std::function<void(NodeIndex, PathValue)> dfs = [&](NodeIndex u, PathValue acc) {
    if (u == t) {
      out.push_back(acc);
      return;
    }
    on[u] = true;
    for (const Link &l : net.links) {
      const bool fwd = l.from == u;
      const bool back = !l.oneway && l.to == u;
      for (int dir = 0; dir < 2; ++dir) {
        if ((dir == 0 && !fwd) || (dir == 1 && !back))
          continue;
        const NodeIndex v = dir == 0 ? l.to : l.from;
        if (on[v])
          continue;
        PathValue next = acc;
        next.tce[0] += link_weight(net, l, Metric::Time);
        next.tce[1] += link_weight(net, l, Metric::Cost);
        next.tce[2] += link_weight(net, l, Metric::Co2);
        next.weight += link_weight(net, l, m);
        dfs(v, next);
      }
    }
    on[u] = false;
  };
  dfs(s, PathValue{{0, 0, 0}, 0});
  return out;
}

} // namespace

TEST_CASE("Best routes equal a textbook Dijkstra on seeded random graphs", "[routing][oracle]") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const Network net = random_network(seed, 40, 120, seed % 2 == 0);
    const RoutingGraph g(net);
    Router router(g);
    for (Metric m : {Metric::Time, Metric::Cost, Metric::Co2, Metric::Length}) {
      const auto s = static_cast<NodeIndex>(seed % 40);
      const std::vector<double> ref = textbook_dijkstra(net, s, m);
      for (NodeIndex t = 0; t < 40; ++t) {
        auto r = router.best(query(s, t, m));
        INFO("seed " << seed << " metric " << to_string(m) << " target " << t);
        if (ref[t] == std::numeric_limits<double>::infinity()) {
          CHECK_FALSE(r);
          continue;
        }
        REQUIRE(r);
        CHECK(r->weight == Approx(ref[t]).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("k alternatives equal the k best simple paths by brute force", "[routing][oracle][yen]") {
  for (unsigned seed = 1; seed <= 25; ++seed) {
    const Network net = random_network(100 + seed, 8, 20, seed % 3 != 0);
    const RoutingGraph g(net);
    Router router(g);
    for (NodeIndex t = 1; t < 8; ++t) {
      auto paths = all_simple_paths(net, 0, t, Metric::Time);
      std::sort(paths.begin(), paths.end(),
                [](const PathValue &a, const PathValue &b) { return a.weight < b.weight; });
      const auto alt = router.alternatives(query(0, t, Metric::Time), 6);
      INFO("seed " << seed << " target " << t);
      REQUIRE(alt.size() == std::min<std::size_t>(6, paths.size()));
      for (std::size_t i = 0; i < alt.size(); ++i) {
        CHECK(alt[i].weight == Approx(paths[i].weight).epsilon(1e-12));
        CHECK(std::adjacent_find(alt[i].nodes.begin(), alt[i].nodes.end()) == alt[i].nodes.end());
      }
    }
  }
}

TEST_CASE("Pareto sets and constrained routes equal brute-force enumeration",
          "[routing][oracle][pareto]") {
  for (unsigned seed = 1; seed <= 25; ++seed) {
    const Network net = random_network(200 + seed, 8, 22, seed % 2 == 0);
    const RoutingGraph g(net);
    Router router(g);
    const NodeIndex t = 7;
    const auto paths = all_simple_paths(net, 0, t, Metric::Cost);
    std::vector<std::array<double, 3>> front;
    for (const PathValue &p : paths) {
      const bool dominated = std::any_of(paths.begin(), paths.end(), [&](const PathValue &o) {
        return o.tce[0] <= p.tce[0] && o.tce[1] <= p.tce[1] && o.tce[2] <= p.tce[2] &&
               o.tce != p.tce;
      });
      if (!dominated && std::find(front.begin(), front.end(), p.tce) == front.end())
        front.push_back(p.tce);
    }
    std::sort(front.begin(), front.end());
    const auto got = router.pareto(query(0, t));
    INFO("seed " << seed);
    REQUIRE(got.size() == front.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].totals.time.value() == Approx(front[i][0]).epsilon(1e-12));
      CHECK(got[i].totals.cost.value() == Approx(front[i][1]).epsilon(1e-12));
      CHECK(got[i].totals.co2.value() == Approx(front[i][2]).epsilon(1e-12));
    }
    // Cheapest within a time budget: the median path time.
    if (paths.empty())
      continue;
    auto q = query(0, t, Metric::Cost);
    q.max_time = Hours(paths[paths.size() / 2].tce[0]);
    double best = std::numeric_limits<double>::infinity();
    for (const PathValue &p : paths)
      if (p.tce[0] <= q.max_time->value())
        best = std::min(best, p.tce[1]);
    auto r = router.best(q);
    REQUIRE(r);
    CHECK(r->weight == Approx(best).epsilon(1e-12));
    auto alt = router.alternatives(q, 1);
    REQUIRE(alt.size() == 1);
    CHECK(alt[0].weight == Approx(best).epsilon(1e-12));
  }
}
