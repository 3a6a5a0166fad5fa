// Routing benchmark: exactness on the Luxembourg road graph's 100,000 reference queries, the
// point-to-point query against a plain compressed-graph Dijkstra and a straightforward Boost.Graph
// Dijkstra (ratios measured in the same run), scaling on DIMACS NY and FLA, and the corridor
// queries (k alternatives, timetable earliest arrival). Prints a Markdown table. Times are CPU
// time of the (single) benchmark thread.
// Usage: bench_routing --luxembourg DIR --pace NAME=FILE ... --corridor YAML [--runs 5]
//        [--ratio-queries 10000] [--boost-queries 100] [--scale-queries 1000]
#include "graph_loaders.hpp"

#include "corsim/compact_graph.hpp"
#include "corsim/io/load.hpp"
#include "corsim/router.hpp"
#include "corsim/timetable.hpp"
#include "teaching_corridor.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <queue>
#include <random>
#include <string>
#include <vector>

namespace {

using corsim::CompactGraph;
using Query = std::pair<std::uint32_t, std::uint32_t>;

struct Options {
  std::string luxembourg;
  std::vector<std::pair<std::string, std::string>> pace;
  std::string corridor;
  int runs = 5;
  std::size_t ratio_queries = 10000;
  std::size_t boost_queries = 100;
  std::size_t scale_queries = 1000;
};

/// The best plain Dijkstra: binary heap with lazy deletion, timestamps instead of a reset,
/// stops at the target.
class PlainDijkstra {
public:
  explicit PlainDijkstra(const CompactGraph &g)
      : g_(g), dist_(g.node_count()), stamp_(g.node_count(), 0) {}
  std::uint32_t distance(std::uint32_t s, std::uint32_t t) {
    ++now_;
    using Entry = std::pair<std::uint32_t, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> q(std::greater<>{},
                                                                     std::move(buffer_));
    auto set = [&](std::uint32_t v, std::uint32_t d) {
      if (stamp_[v] != now_ || d < dist_[v]) {
        stamp_[v] = now_;
        dist_[v] = d;
        q.emplace(d, v);
      }
    };
    set(s, 0);
    std::uint32_t result = 0xffffffffu;
    while (!q.empty()) {
      const auto [d, u] = q.top();
      q.pop();
      if (d != dist_[u])
        continue;
      if (u == t) {
        result = d;
        break;
      }
      for (std::uint32_t a = g_.first_out()[u]; a < g_.first_out()[u + 1]; ++a)
        set(g_.head()[a], d + g_.weight()[a]);
    }
    while (!q.empty()) // keep the buffer's capacity for the next query
      q.pop();
    return result;
  }

private:
  const CompactGraph &g_;
  std::vector<std::uint32_t> dist_;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> buffer_;
  std::uint32_t now_ = 0;
};

/// A straightforward Boost.Graph use: adjacency_list + dijkstra_shortest_paths per query.
class BoostPeer {
public:
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                            boost::property<boost::edge_weight_t, std::uint32_t>>;
  explicit BoostPeer(const CompactGraph &g) : g_(g.node_count()) {
    for (std::uint32_t u = 0; u < g.node_count(); ++u)
      for (std::uint32_t a = g.first_out()[u]; a < g.first_out()[u + 1]; ++a)
        boost::add_edge(u, g.head()[a], g.weight()[a], g_);
  }
  std::uint32_t distance(std::uint32_t s, std::uint32_t t) {
    std::vector<std::uint32_t> dist(boost::num_vertices(g_));
    std::vector<std::size_t> pred(boost::num_vertices(g_));
    boost::dijkstra_shortest_paths(g_, s,
                                   boost::predecessor_map(pred.data()).distance_map(dist.data()));
    return dist[t]; // numeric_limits<uint32_t>::max() when unreachable
  }

private:
  Graph g_;
};

/// CPU time of this thread, seconds: steadier than wall time on a shared machine.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_since(double start) { return cpu_seconds() - start; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

/// Seconds to answer `qs` with f (the sum of answers is kept so nothing is optimised away).
template <class F> double time_queries(F &&f, const std::vector<Query> &qs, std::uint64_t &sum) {
  const auto start = cpu_seconds();
  for (const Query &q : qs)
    sum += f(q.first, q.second);
  return seconds_since(start);
}

void row(const std::string &what, const std::string &value, const std::string &note = "") {
  std::printf("| %s | %s | %s |\n", what.c_str(), value.c_str(), note.c_str());
  std::fflush(stdout);
}

std::string fmt(double v, int digits = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::uint32_t my_distance(corsim::ShortestPathQuery &q, std::uint32_t s, std::uint32_t t) {
  auto d = q.distance(s, t);
  return d ? static_cast<std::uint32_t>(*d) : 0xffffffffu;
}

/// Median over runs of (peer time / our time) on the same queries, runs interleaved.
template <class Peer>
double median_ratio(const CompactGraph &g, Peer &peer, const std::vector<Query> &qs, int runs,
                    double &ours_us) {
  corsim::ShortestPathQuery mine(g);
  std::vector<double> ratios, ours;
  std::uint64_t sum = 0;
  for (int r = 0; r < runs; ++r) {
    const double a = time_queries([&](auto s, auto t) { return my_distance(mine, s, t); }, qs, sum);
    const double b = time_queries([&](auto s, auto t) { return peer.distance(s, t); }, qs, sum);
    ratios.push_back(b / a);
    ours.push_back(a / static_cast<double>(qs.size()) * 1e6);
  }
  ours_us = median(ours);
  return median(ratios);
}

void luxembourg_exactness(const CompactGraph &g, const std::vector<Query> &qs,
                          const std::vector<std::uint32_t> &ref) {
  corsim::ShortestPathQuery mine(g);
  std::vector<double> us;
  us.reserve(qs.size());
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const auto start = cpu_seconds();
    const auto d = mine.distance(qs[i].first, qs[i].second);
    us.push_back(seconds_since(start) * 1e6);
    const std::uint32_t got = d ? static_cast<std::uint32_t>(*d) : 2147483647u;
    mismatches += got != ref[i];
  }
  row("Luxembourg: reference queries", std::to_string(qs.size()), "travel time (ms)");
  row("Luxembourg: mismatches", std::to_string(mismatches), "required 0");
  row("Luxembourg: query p50 / p99",
      fmt(percentile(us, 0.5), 1) + " / " + fmt(percentile(us, 0.99), 1) + " µs",
      "all 100,000 queries, one pass");
}

void luxembourg(const Options &o) {
  const std::string p = o.luxembourg + "/luxembourg_";
  const CompactGraph g = corsim::bench::load_routingkit(p, "travel_time");
  const auto src = corsim::bench::load_uint32_vector(p + "source_node");
  const auto dst = corsim::bench::load_uint32_vector(p + "target_node");
  const auto ref = corsim::bench::load_uint32_vector(p + "query_reference_travel_time_length");
  std::vector<Query> qs;
  for (std::size_t i = 0; i < src.size(); ++i)
    qs.emplace_back(src[i], dst[i]);
  row("Luxembourg: graph",
      std::to_string(g.node_count()) + " nodes, " + std::to_string(g.arc_count()) + " arcs");
  luxembourg_exactness(g, qs, ref);
  PlainDijkstra plain(g);
  const std::vector<Query> first(qs.begin(), qs.begin() + std::min(qs.size(), o.ratio_queries));
  double ours_us = 0.0;
  const double r_plain = median_ratio(g, plain, first, o.runs, ours_us);
  row("Luxembourg: ours, mean per query", fmt(ours_us, 1) + " µs",
      std::to_string(first.size()) + " queries, median of " + std::to_string(o.runs) + " runs");
  row("Luxembourg: plain Dijkstra time / ours", fmt(r_plain), "target >= 1/1.1 = 0.91");
  BoostPeer boost_peer(g);
  const std::vector<Query> few(qs.begin(), qs.begin() + std::min(qs.size(), o.boost_queries));
  const double r_boost = median_ratio(g, boost_peer, few, o.runs, ours_us);
  row("Luxembourg: Boost adjacency_list Dijkstra time / ours", fmt(r_boost),
      std::to_string(few.size()) + " queries; target >= 2.5");
  corsim::ShortestPathQuery mine(g);
  row("Luxembourg: memory per node",
      fmt(static_cast<double>(g.memory_bytes() + mine.memory_bytes()) / g.node_count(), 1) + " B",
      "graph arrays " + fmt(static_cast<double>(g.memory_bytes()) / g.node_count(), 1) +
          " B + query workspace (16 B per node + heap)");
}

void scaling(const Options &o, const std::string &name, const std::string &path) {
  std::ifstream in(path);
  corsim::bench::PaceWeights w;
  w.unit = false; // seeded random weights in [1, 1000], seed 1
  const CompactGraph g = corsim::bench::load_pace_gr(in, w);
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::uint32_t> pick(0, g.node_count() - 1);
  std::vector<Query> qs(o.scale_queries);
  for (Query &q : qs)
    q = {pick(rng), pick(rng)};
  PlainDijkstra plain(g);
  double ours_us = 0.0;
  const double r_plain = median_ratio(g, plain, qs, o.runs, ours_us);
  corsim::ShortestPathQuery mine(g);
  row(name + ": graph",
      std::to_string(g.node_count()) + " nodes, " + std::to_string(g.arc_count()) + " arcs",
      "PACE .gr, random weights 1..1000 (seed 1)");
  row(name + ": ours, mean per query", fmt(ours_us / 1000.0, 2) + " ms",
      std::to_string(qs.size()) + " random queries (seed 42), median of " + std::to_string(o.runs) +
          " runs");
  row(name + ": plain Dijkstra time / ours", fmt(r_plain));
  row(name + ": memory per node",
      fmt(static_cast<double>(g.memory_bytes() + mine.memory_bytes()) / g.node_count(), 1) + " B",
      "graph arrays + query workspace");
}

/// Median over runs of the mean microseconds per call of f.
double median_us(const std::function<void()> &f, int runs, int calls) {
  std::vector<double> us;
  for (int r = 0; r < runs; ++r) {
    const auto start = cpu_seconds();
    for (int i = 0; i < calls; ++i)
      f();
    us.push_back(seconds_since(start) * 1e6 / calls);
  }
  return median(us);
}

void corridor(const Options &o) {
  corsim::Network net;
  std::string which = o.corridor;
  auto loaded = corsim::io::try_load_network(o.corridor);
  if (loaded.ok()) {
    net = std::move(loaded.network);
  } else {
    net = corsim::testing::teaching_corridor();
    which = "teaching corridor (in code; " + o.corridor + " did not load)";
  }
  const bool jilin = loaded.ok();
  const corsim::RoutingGraph g(net);
  corsim::Router router(g);
  corsim::RouteQuery q;
  q.from = net.find_node(jilin ? "CCX" : "CHC");
  q.to = net.find_node(jilin ? "DUI" : "MOW");
  std::size_t found = 0;
  const double k5 = median_us([&] { found = router.alternatives(q, 5).size(); }, o.runs, 200);
  row("Corridor: network", which,
      std::to_string(g.vertex_count()) + " vertices, " + std::to_string(g.arc_count()) +
          " arcs in the routing graph");
  row("Corridor: k = 5 alternatives " + net.nodes[q.from].id + " -> " + net.nodes[q.to].id,
      fmt(k5, 1) + " µs", std::to_string(found) + " routes; target < 1000 µs");
  const corsim::Timetable tt(g);
  corsim::TimetableQuery tq;
  tq.from = q.from;
  tq.to = q.to;
  bool reached = false;
  const double ea = median_us([&] { reached = tt.earliest_arrival(tq).has_value(); }, o.runs, 200);
  row("Corridor: timetable earliest arrival", fmt(ea, 1) + " µs",
      std::string(reached ? "reached" : "not reached") + "; target < 1000 µs");
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--luxembourg")
      o.luxembourg = v;
    else if (k == "--pace")
      o.pace.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
    else if (k == "--corridor")
      o.corridor = v;
    else if (k == "--runs")
      o.runs = std::stoi(v);
    else if (k == "--ratio-queries")
      o.ratio_queries = std::stoul(v);
    else if (k == "--boost-queries")
      o.boost_queries = std::stoul(v);
    else if (k == "--scale-queries")
      o.scale_queries = std::stoul(v);
  }
  return o;
}

} // namespace

int main(int argc, char **argv) {
  const Options o = parse(argc, argv);
  std::printf("| case | result | note |\n|---|---|---|\n");
  if (!o.corridor.empty())
    corridor(o);
  if (!o.luxembourg.empty())
    luxembourg(o);
  for (const auto &[name, path] : o.pace)
    scaling(o, name, path);
  return 0;
}
