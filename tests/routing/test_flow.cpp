#include "corsim/flow.hpp"
#include "teaching_corridor.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <limits>

using namespace corsim;
using namespace corsim::testing;

TEST_CASE("Capacities of links and facilities in TEU per year", "[routing][flow]") {
  const Network net = teaching_corridor();
  const FlowOptions o;
  CHECK(link_capacity(net, L0, o)->value() == Approx(36500)); // a train a day × 100 TEU
  CHECK(link_capacity(net, L4, o)->value() == Approx(365));   // a truck a day × 1 TEU
  CHECK(node_capacity(net, MZL, o)->value() == Approx(100.0 / 6 * 8760)); // 1 lane, 6 h/train
  CHECK(node_capacity(net, ZBK, o)->value() == Approx(100.0 / 6 * 8760));
  CHECK(node_capacity(net, USS, o)->value() == Approx(50.0 * 8760)); // 2 tracks × 25 lifts/h
  CHECK_FALSE(node_capacity(net, MOW, o));
}

TEST_CASE("Max flow to Moscow and its bottleneck on the teaching corridor", "[routing][flow]") {
  Network net = teaching_corridor();
  SECTION("two daily trains' worth, cut at the lines leaving Changchun") {
    const MaxFlowResult r = max_flow(net, CHC, {MOW});
    CHECK(r.value.value() == Approx(73000));
    CHECK_FALSE(r.unbounded);
    REQUIRE(r.min_cut.size() == 2);
    CHECK(r.min_cut[0].link == L0);
    CHECK(r.min_cut[1].link == L6);
    CHECK(r.min_cut[0].name == "L0 Changchun -> Manzhouli (rail)");
    CHECK(r.link_flow[L2].value() == Approx(36500));
  }
  SECTION("a slow border becomes the bottleneck and is named") {
    net.nodes[ZBK].customs->time = DistributionSpec::fixed(48.0); // 100 TEU per 2 days
    const MaxFlowResult r = max_flow(net, CHC, {MOW});
    CHECK(r.value.value() == Approx(36500 + 100.0 / 48 * 8760));
    bool named = false;
    for (const CutElement &c : r.min_cut)
      named = named || (!c.is_link && c.node == ZBK);
    CHECK(named);
  }
  SECTION("several destinations") {
    const MaxFlowResult r = max_flow(net, CHC, {MOW, NGB});
    CHECK(r.value.value() == Approx(73000 + 36500 + 365));
  }
  SECTION("no capacity limits: unbounded") {
    for (Link &l : net.links)
      l.capacity = PerHour(0.0);
    for (Node &n : net.nodes) {
      n.handling.reset();
      n.customs.reset();
      n.gauge_change.reset();
      n.road_checkpoint.reset();
      n.seaport.reset();
    }
    CHECK(max_flow(net, CHC, {MOW}).unbounded);
  }
}

TEST_CASE("Demand is assigned to the cheapest routes within capacity", "[routing][flow]") {
  const Network net = teaching_corridor();
  FlowOptions o;
  o.metric = Metric::Cost;
  std::vector<DemandFlow> demand(2);
  demand[0].origin = CHC;
  demand[0].destination = MOW;
  demand[0].volume = TeuPerYear(50000);
  demand[1] = demand[0];
  demand[1].volume = TeuPerYear(40000);
  const Assignment a = assign_demand(net, demand, o);
  REQUIRE(a.demands.size() == 2);
  CHECK(a.demands[0].served.value() == Approx(50000));
  CHECK(a.demands[1].served.value() == Approx(23000));
  CHECK(a.demands[1].unserved.value() == Approx(17000));
  REQUIRE(a.routes.size() == 3);
  CHECK(a.routes[0].nodes == std::vector<NodeIndex>{CHC, SFH, USS, MOW});
  CHECK(a.routes[0].volume.value() == Approx(36500));
  CHECK(a.routes[0].cost_per_teu == Approx(2000));
  CHECK(a.routes[1].volume.value() == Approx(13500));
  CHECK(a.total_cost == Approx(36500 * 2000.0 + 36500 * 2650.0));
}

namespace {

/// Edmonds-Karp on a dense capacity matrix: the independent reference.
long long edmonds_karp(std::vector<std::vector<long long>> cap, std::size_t s, std::size_t t) {
  long long total = 0;
  const std::size_t n = cap.size();
  for (;;) {
    std::vector<std::size_t> parent(n, n);
    parent[s] = s;
    std::deque<std::size_t> q{s};
    while (!q.empty() && parent[t] == n) {
      const std::size_t u = q.front();
      q.pop_front();
      for (std::size_t v = 0; v < n; ++v)
        if (parent[v] == n && cap[u][v] > 0) {
          parent[v] = u;
          q.push_back(v);
        }
    }
    if (parent[t] == n)
      return total;
    long long push = std::numeric_limits<long long>::max();
    for (std::size_t v = t; v != s; v = parent[v])
      push = std::min(push, cap[parent[v]][v]);
    for (std::size_t v = t; v != s; v = parent[v]) {
      cap[parent[v]][v] -= push;
      cap[v][parent[v]] += push;
    }
    total += push;
  }
}

long long whole(const std::optional<TeuPerYear> &c) { return std::llround(c->value()); }

} // namespace

TEST_CASE("Max flow equals the min-cut capacity and Edmonds-Karp on random graphs",
          "[routing][flow][oracle]") {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    const Network net = random_network(300 + seed, 12, 40, seed % 2 == 0);
    const FlowOptions o;
    std::vector<std::vector<long long>> cap(12, std::vector<long long>(12, 0));
    for (LinkIndex l = 0; l < net.links.size(); ++l) {
      const Link &link = net.links[l];
      cap[link.from][link.to] += whole(link_capacity(net, l, o));
      if (!link.oneway)
        cap[link.to][link.from] += whole(link_capacity(net, l, o));
    }
    const MaxFlowResult r = max_flow(net, 0, {11}, o);
    INFO("seed " << seed);
    CHECK(std::llround(r.value.value()) == edmonds_karp(cap, 0, 11));
    double cut = 0.0;
    for (const CutElement &c : r.min_cut)
      cut += c.capacity.value();
    CHECK(cut == Approx(r.value.value()));
  }
}

TEST_CASE("A single demand is assigned at the cost of Boost's min-cost max-flow",
          "[routing][flow][oracle]") {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using G = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, long long,
          boost::property<boost::edge_residual_capacity_t, long long,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                          boost::property<boost::edge_weight_t, double>>>>>;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    Network net = random_network(400 + seed, 10, 30, true);
    // Whole dollars: Boost's check for negative reduced costs needs exact sums. Weights are
    // doubles so that its potentials of unreachable vertices (infinite) do not overflow.
    for (Link &l : net.links)
      l.cost = Usd(std::round(l.cost.value()));
    FlowOptions o;
    o.metric = Metric::Cost;
    G g(10);
    std::vector<Traits::edge_descriptor> forward;
    for (LinkIndex l = 0; l < net.links.size(); ++l) {
      const Link &link = net.links[l];
      auto e = boost::add_edge(link.from, link.to, g).first;
      auto r = boost::add_edge(link.to, link.from, g).first;
      boost::put(boost::edge_capacity, g, e, whole(link_capacity(net, l, o)));
      boost::put(boost::edge_capacity, g, r, 0LL);
      boost::put(boost::edge_weight, g, e, link.cost.value());
      boost::put(boost::edge_weight, g, r, -link.cost.value());
      boost::put(boost::edge_reverse, g, e, r);
      boost::put(boost::edge_reverse, g, r, e);
      forward.push_back(e);
    }
    boost::successive_shortest_path_nonnegative_weights(g, 0, 9);
    double ref_cost = 0.0;
    for (auto e : forward)
      ref_cost += static_cast<double>(boost::get(boost::edge_capacity, g, e) -
                                      boost::get(boost::edge_residual_capacity, g, e)) *
                  boost::get(boost::edge_weight, g, e);
    std::vector<DemandFlow> demand(1);
    demand[0].origin = 0;
    demand[0].destination = 9;
    demand[0].volume = TeuPerYear(1e12);
    const Assignment a = assign_demand(net, demand, o);
    INFO("seed " << seed);
    CHECK(a.demands[0].served.value() == Approx(max_flow(net, 0, {9}, o).value.value()));
    CHECK(a.total_cost == Approx(ref_cost).epsilon(1e-9));
  }
}
