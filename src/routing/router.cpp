#include "corsim/router.hpp"

#include "corsim/error.hpp"
#include "router_detail.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace corsim {

const char *to_string(Metric m) {
  switch (m) {
  case Metric::Time:
    return "time";
  case Metric::Cost:
    return "cost";
  case Metric::Co2:
    return "co2";
  case Metric::Generalised:
    return "generalised";
  case Metric::Length:
    return "length";
  }
  return "?";
}

std::optional<Metric> metric_from_string(std::string_view s) {
  if (s == "time")
    return Metric::Time;
  if (s == "cost")
    return Metric::Cost;
  if (s == "co2")
    return Metric::Co2;
  if (s == "generalised" || s == "generalized")
    return Metric::Generalised;
  if (s == "length")
    return Metric::Length;
  return std::nullopt;
}

double weight_of(const ArcMetrics &m, Metric metric, Usd value_of_time) {
  switch (metric) {
  case Metric::Time:
    return m.time.value();
  case Metric::Cost:
    return m.cost.value();
  case Metric::Co2:
    return m.co2.value();
  case Metric::Generalised:
    return m.cost.value() + value_of_time.value() * m.time.value();
  case Metric::Length:
    return m.length.value();
  }
  return 0.0;
}

namespace detail {

Usd value_of_time(const Network &net, CargoClass c) {
  const auto i = static_cast<std::size_t>(c);
  return i < net.settings.value_of_time.size() ? net.settings.value_of_time[i] : Usd(0.0);
}

void check_query(const RoutingGraph &g, const RouteQuery &q) {
  const std::size_t n = g.network().nodes.size();
  bool bad = q.from >= n || q.to >= n;
  for (NodeIndex v : q.via)
    bad = bad || v >= n;
  if (bad)
    throw ApiMisuse("RouteQuery: node index out of range");
}

/// Whether the node sequence of an arc path has no repeated node.
bool loopless(const RoutingGraph &g, const std::vector<ArcIndex> &arcs) {
  if (arcs.empty())
    return true;
  std::vector<NodeIndex> nodes{g.node_of(g.tail(arcs.front()))};
  for (ArcIndex a : arcs)
    if (g.kind(a) == ArcKind::Link)
      nodes.push_back(g.node_of(g.head(a)));
  std::sort(nodes.begin(), nodes.end());
  return std::adjacent_find(nodes.begin(), nodes.end()) == nodes.end();
}

std::optional<std::vector<ArcIndex>> dijkstra(RouterWorkspace &ws, const Search &s) {
  const RoutingGraph &g = s.view->graph();
  auto &h = ws.search;
  h.start(g.vertex_count());
  for (VertexIndex v : s.sources)
    h.relax(v, 0.0, invalid_index);
  while (!h.empty()) {
    const VertexIndex v = h.pop();
    if (g.is_arrival(v) && g.node_of(v) == s.target) {
      std::vector<ArcIndex> arcs;
      for (VertexIndex x = v; h.pred(x) != invalid_index; x = g.tail(h.pred(x)))
        arcs.push_back(h.pred(x));
      std::reverse(arcs.begin(), arcs.end());
      return arcs;
    }
    const double dv = h.dist(v);
    for (ArcIndex a = g.first_out(v); a < g.first_out(v + 1); ++a) {
      if (!s.view->allows(a))
        continue;
      if (s.use_bans && (ws.banned_arc[a] != 0 ||
                         (g.kind(a) == ArcKind::Link && ws.banned_node[g.node_of(g.head(a))] != 0)))
        continue;
      h.relax(g.head(a), dv + ws.weight[a], a);
    }
  }
  return std::nullopt;
}

std::vector<VertexIndex> source_vertices(const RoutingView &view, NodeIndex from) {
  std::vector<VertexIndex> out;
  if (!view.node_open(from))
    return out;
  for (int p = 0; p < port_count; ++p) {
    const VertexIndex v = view.graph().departure(from, static_cast<Port>(p));
    if (v != invalid_index && view.vertex_open(v))
      out.push_back(v);
  }
  return out;
}

void set_weights(RouterWorkspace &ws, const RoutingGraph &g, const RouteQuery &q) {
  const Usd vot = value_of_time(g.network(), q.cargo);
  ws.weight.resize(g.arc_count());
  for (ArcIndex a = 0; a < g.arc_count(); ++a)
    ws.weight[a] = weight_of(g.metrics(a), q.metric, vot);
}

} // namespace detail

using namespace detail;

Router::Router(const RoutingGraph &graph)
    : graph_(&graph), ws_(std::make_unique<RouterWorkspace>()) {}
Router::~Router() = default;

Route Router::make_route(const std::vector<ArcIndex> &arcs, const RouteQuery &q) const {
  const RoutingGraph &g = *graph_;
  const Usd vot = value_of_time(g.network(), q.cargo);
  Route r;
  r.arcs = arcs;
  r.nodes.push_back(arcs.empty() ? q.from : g.node_of(g.tail(arcs.front())));
  for (ArcIndex a : arcs) {
    RouteLeg leg;
    leg.kind = g.kind(a);
    leg.from = g.node_of(g.tail(a));
    leg.to = g.node_of(g.head(a));
    leg.from_port = g.port_of(g.tail(a));
    leg.to_port = g.port_of(g.head(a));
    leg.link = g.link_of(a);
    leg.metrics = g.metrics(a);
    r.legs.push_back(leg);
    r.totals = r.totals + leg.metrics;
    r.weight += weight_of(leg.metrics, q.metric, vot);
    if (leg.kind == ArcKind::Link)
      r.nodes.push_back(leg.to);
  }
  return r;
}

bool Router::satisfies(const Route &r, const RouteQuery &q) const {
  if ((q.max_time && r.totals.time > *q.max_time) || (q.max_cost && r.totals.cost > *q.max_cost) ||
      (q.max_co2 && r.totals.co2 > *q.max_co2))
    return false;
  auto it = r.nodes.begin();
  for (NodeIndex v : q.via) {
    it = std::find(it, r.nodes.end(), v);
    if (it == r.nodes.end())
      return false;
  }
  return true;
}

std::optional<Route> Router::shortest(const RouteQuery &q) {
  const RoutingView view(*graph_, q.filter);
  set_weights(*ws_, *graph_, q);
  if (q.from == q.to)
    return view.node_open(q.from) ? std::optional(make_route({}, q)) : std::nullopt;
  auto arcs = dijkstra(*ws_, Search{&view, source_vertices(view, q.from), q.to, false});
  if (!arcs)
    return std::nullopt;
  return make_route(*arcs, q);
}

std::optional<Route> Router::best(const RouteQuery &q) {
  check_query(*graph_, q);
  if (!q.constrained()) {
    auto r = shortest(q);
    // A shortest walk that leaves a node on one port and comes back on another is not a
    // route: take the best loopless one from Yen's sequence instead.
    if (!r || loopless(*graph_, r->arcs))
      return r;
  }
  if (q.via.empty() && q.metric != Metric::Length) {
    // The optimum under upper bounds on (time, cost, CO2) of a metric monotone in them is
    // one of the non-dominated routes.
    std::vector<Route> front = pareto(q);
    auto best = std::min_element(front.begin(), front.end(), [](const Route &a, const Route &b) {
      return a.weight < b.weight;
    });
    return best == front.end() ? std::nullopt : std::optional<Route>(*best);
  }
  std::vector<Route> alt = alternatives(q, 1);
  return alt.empty() ? std::nullopt : std::optional<Route>(alt.front());
}

} // namespace corsim
