/// k loopless alternatives by Yen's algorithm on the routing graph. A virtual source joins the
/// origin's departure vertices, so a spur at the origin may start on another port.

#include "corsim/router.hpp"
#include "router_detail.hpp"

#include <algorithm>
#include <set>

namespace corsim {

using namespace detail;

namespace {

using ArcPath = std::vector<ArcIndex>;

/// Whether `p` starts at `first` and its first `n` arcs equal those of `root`.
bool shares_root(const RoutingGraph &g, const ArcPath &p, VertexIndex first, const ArcPath &root,
                 std::size_t n) {
  if (p.empty() || g.tail(p.front()) != first || p.size() < n)
    return false;
  return std::equal(root.begin(), root.begin() + static_cast<std::ptrdiff_t>(n), p.begin());
}

/// Generates Yen's candidates from the last accepted path.
class SpurGenerator {
public:
  SpurGenerator(RouterWorkspace &ws, const RoutingView &view, const RouteQuery &q)
      : ws_(ws), view_(view), g_(view.graph()), q_(q) {}

  /// Adds to `out` every loopless spur candidate of accepted.back() not in `seen`.
  void run(const std::vector<ArcPath> &accepted, std::set<ArcPath> &seen,
           std::set<std::pair<double, ArcPath>> &out) {
    const ArcPath &last = accepted.back();
    // j == -1: spur at the virtual source; j >= 0: spur at the tail of arc j.
    for (std::ptrdiff_t j = -1; j < static_cast<std::ptrdiff_t>(last.size()); ++j) {
      auto spur = spur_at(accepted, last, j);
      if (!spur)
        continue;
      ArcPath total(last.begin(), last.begin() + std::max<std::ptrdiff_t>(j, 0));
      total.insert(total.end(), spur->begin(), spur->end());
      if (!loopless(g_, total) || !seen.insert(total).second)
        continue;
      double w = 0.0;
      for (ArcIndex a : total)
        w += ws_.weight[a];
      out.emplace(w, std::move(total));
    }
  }

private:
  /// Spur from the tail of arc j of `last` (j == -1: from the virtual source, so from any
  /// departure vertex of the origin not yet used as a first vertex).
  std::optional<ArcPath> spur_at(const std::vector<ArcPath> &accepted, const ArcPath &last,
                                 std::ptrdiff_t j) {
    const VertexIndex first = g_.tail(last.front());
    std::vector<ArcIndex> arcs_banned;
    std::vector<NodeIndex> nodes_banned{q_.from};
    std::vector<VertexIndex> sources;
    if (j < 0) {
      sources = source_vertices(view_, q_.from);
      for (const ArcPath &p : accepted)
        std::erase(sources, g_.tail(p.front()));
    } else {
      const auto n = static_cast<std::size_t>(j);
      const ArcPath root(last.begin(), last.begin() + j);
      sources = {g_.tail(last[n])};
      for (ArcIndex a : root)
        nodes_banned.push_back(g_.node_of(g_.head(a)));
      for (const ArcPath &p : accepted)
        if (p.size() > n && shares_root(g_, p, first, root, n))
          arcs_banned.push_back(p[n]);
    }
    for (ArcIndex a : arcs_banned)
      ws_.banned_arc[a] = 1;
    for (NodeIndex n : nodes_banned)
      ws_.banned_node[n] = 1;
    auto spur =
        sources.empty() ? std::nullopt : dijkstra(ws_, Search{&view_, sources, q_.to, true});
    for (ArcIndex a : arcs_banned)
      ws_.banned_arc[a] = 0;
    for (NodeIndex n : nodes_banned)
      ws_.banned_node[n] = 0;
    return spur;
  }

  RouterWorkspace &ws_;
  const RoutingView &view_;
  const RoutingGraph &g_;
  const RouteQuery &q_;
};

} // namespace

std::vector<Route> Router::alternatives(const RouteQuery &q, int k, int max_candidates) {
  check_query(*graph_, q);
  std::vector<Route> out;
  if (k <= 0)
    return out;
  if (q.from == q.to) {
    if (auto r = shortest(q); r && satisfies(*r, q))
      out.push_back(*r);
    return out;
  }
  const RoutingView view(*graph_, q.filter);
  set_weights(*ws_, *graph_, q);
  ws_->banned_arc.assign(graph_->arc_count(), 0);
  ws_->banned_node.assign(graph_->network().nodes.size(), 0);
  auto first = dijkstra(*ws_, Search{&view, source_vertices(view, q.from), q.to, false});
  if (!first)
    return out;
  std::vector<ArcPath> accepted{*first};
  std::set<ArcPath> seen{*first};
  std::set<std::pair<double, ArcPath>> candidates; // ranked by (weight, arc sequence)
  SpurGenerator spurs(*ws_, view, q);
  for (;;) {
    if (Route r = make_route(accepted.back(), q); satisfies(r, q))
      out.push_back(std::move(r));
    if (static_cast<int>(out.size()) >= k || static_cast<int>(accepted.size()) >= max_candidates)
      break;
    spurs.run(accepted, seen, candidates);
    if (candidates.empty())
      break;
    accepted.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  return out;
}

} // namespace corsim
