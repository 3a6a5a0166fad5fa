/// The Pareto set over (time, cost, CO2) by a label-setting search: labels are settled in
/// lexicographic order of (time, cost, CO2, creation index), so a settled label is never
/// dominated by a later one; a new label weakly dominated by one at the same vertex is dropped.

#include "corsim/error.hpp"
#include "corsim/router.hpp"
#include "router_detail.hpp"

#include <algorithm>
#include <queue>
#include <tuple>

namespace corsim {

using namespace detail;

namespace {

struct Label {
  double time;
  double cost;
  double co2;
  VertexIndex vertex;
  std::uint32_t parent; ///< label index, invalid_index at the origin
  ArcIndex arc;         ///< arc from the parent's vertex
  bool dead = false;
};

/// a weakly dominates b: no worse in every criterion.
bool dominates(const Label &a, const Label &b) {
  return a.time <= b.time && a.cost <= b.cost && a.co2 <= b.co2;
}

using Key = std::tuple<double, double, double, std::uint32_t>;

class LabelSearch {
public:
  LabelSearch(const RoutingView &view, const RouteQuery &q, std::size_t max_labels)
      : view_(view), g_(view.graph()), q_(q), at_(g_.vertex_count()), max_labels_(max_labels) {}

  /// Indices of the non-dominated labels at the destination, in lexicographic order.
  std::vector<std::uint32_t> run() {
    for (VertexIndex v : source_vertices(view_, q_.from))
      offer(Label{0.0, 0.0, 0.0, v, invalid_index, invalid_index});
    std::vector<std::uint32_t> found;
    while (!queue_.empty()) {
      const std::uint32_t l = std::get<3>(queue_.top());
      queue_.pop();
      if (labels_[l].dead)
        continue;
      const VertexIndex v = labels_[l].vertex;
      if (g_.is_arrival(v) && g_.node_of(v) == q_.to) {
        if (std::none_of(found.begin(), found.end(),
                         [&](std::uint32_t f) { return dominates(labels_[f], labels_[l]); }))
          found.push_back(l);
        continue;
      }
      expand(l);
    }
    return found;
  }
  [[nodiscard]] std::vector<ArcIndex> arcs_of(std::uint32_t l) const {
    std::vector<ArcIndex> arcs;
    for (; labels_[l].parent != invalid_index; l = labels_[l].parent)
      arcs.push_back(labels_[l].arc);
    std::reverse(arcs.begin(), arcs.end());
    return arcs;
  }

private:
  bool on_path(std::uint32_t l, NodeIndex n) const {
    for (; l != invalid_index; l = labels_[l].parent)
      if (g_.node_of(labels_[l].vertex) == n)
        return true;
    return false;
  }
  bool within_limits(const Label &x) const {
    return !(q_.max_time && x.time > q_.max_time->value()) &&
           !(q_.max_cost && x.cost > q_.max_cost->value()) &&
           !(q_.max_co2 && x.co2 > q_.max_co2->value());
  }
  void expand(std::uint32_t l) {
    const VertexIndex v = labels_[l].vertex;
    for (ArcIndex a = g_.first_out(v); a < g_.first_out(v + 1); ++a) {
      if (!view_.allows(a))
        continue;
      const VertexIndex w = g_.head(a);
      if (g_.kind(a) == ArcKind::Link && on_path(l, g_.node_of(w)))
        continue;
      const ArcMetrics &m = g_.metrics(a);
      const Label &p = labels_[l];
      offer(
          Label{p.time + m.time.value(), p.cost + m.cost.value(), p.co2 + m.co2.value(), w, l, a});
    }
  }
  void offer(const Label &x) {
    if (!within_limits(x))
      return;
    auto &here = at_[x.vertex];
    for (std::uint32_t o : here)
      if (dominates(labels_[o], x))
        return;
    std::erase_if(here, [&](std::uint32_t o) {
      return dominates(x, labels_[o]) ? (labels_[o].dead = true) : false;
    });
    if (labels_.size() >= max_labels_)
      throw InputError("Pareto search gave up after " + std::to_string(max_labels_) +
                       " labels; add constraints (max days, cost, CO2) or filters");
    const auto id = static_cast<std::uint32_t>(labels_.size());
    labels_.push_back(x);
    here.push_back(id);
    queue_.emplace(x.time, x.cost, x.co2, id);
  }

  const RoutingView &view_;
  const RoutingGraph &g_;
  const RouteQuery &q_;
  std::vector<Label> labels_;
  std::vector<std::vector<std::uint32_t>> at_;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> queue_;
  std::size_t max_labels_;
};

} // namespace

std::vector<Route> Router::pareto(const RouteQuery &q) {
  check_query(*graph_, q);
  std::vector<Route> out;
  if (q.from == q.to) {
    if (auto r = shortest(q))
      out.push_back(*r);
    return out;
  }
  const RoutingView view(*graph_, q.filter);
  LabelSearch search(view, q, 2'000'000);
  for (std::uint32_t l : search.run())
    out.push_back(make_route(search.arcs_of(l), q));
  return out;
}

} // namespace corsim
