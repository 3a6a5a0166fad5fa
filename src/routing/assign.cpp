/// Min-cost assignment of demand flows by successive shortest paths: for each flow in turn, on
/// the capacity left by the earlier ones, repeatedly send demand along the cheapest residual
/// path (Dijkstra on reduced costs with Johnson potentials; the flow's own earlier sends may be
/// rerouted through backward arcs), then decompose its flow into routes.

#include "corsim/error.hpp"
#include "corsim/flow.hpp"
#include "flow_network.hpp"
#include "router_detail.hpp"
#include "search_workspace.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim {

using namespace detail;

namespace {

/// Residual graph over a FlowNetwork: residual edge 2a is arc a forward, 2a + 1 backward.
class Residual {
public:
  explicit Residual(const FlowNetwork &fn) : fn_(fn), left_(fn.arcs.size()), out_(fn.vertex_count) {
    for (std::size_t a = 0; a < fn.arcs.size(); ++a) {
      left_[a] = fn.arcs[a].capacity;
      out_[fn.arcs[a].from].push_back(static_cast<std::uint32_t>(2 * a));
      out_[fn.arcs[a].to].push_back(static_cast<std::uint32_t>(2 * a + 1));
    }
  }

  /// Sends up to `demand` from s to t at minimum cost, an arc costing cost + vot × hours;
  /// returns the flow per arc.
  std::vector<long long> send(std::uint32_t s, std::uint32_t t, long long demand, double vot) {
    vot_ = vot;
    flow_.assign(fn_.arcs.size(), 0);
    potential_.assign(fn_.vertex_count, 0.0);
    for (long long sent = 0; sent < demand;) {
      if (!shortest(s, t))
        break;
      long long push = demand - sent;
      for (std::uint32_t v = t; v != s; v = tail(search_.pred(v)))
        push = std::min(push, residual(search_.pred(v)));
      for (std::uint32_t v = t; v != s; v = tail(search_.pred(v)))
        augment(search_.pred(v), push);
      sent += push;
    }
    for (std::size_t a = 0; a < flow_.size(); ++a)
      left_[a] -= flow_[a];
    return flow_;
  }

private:
  [[nodiscard]] long long residual(std::uint32_t e) const {
    const std::size_t a = e / 2;
    return e % 2 == 0 ? left_[a] - flow_[a] : flow_[a];
  }
  [[nodiscard]] double cost(std::uint32_t e) const {
    const FlowArc &a = fn_.arcs[e / 2];
    const double c = a.cost + vot_ * a.hours;
    return e % 2 == 0 ? c : -c;
  }
  [[nodiscard]] std::uint32_t tail(std::uint32_t e) const {
    return e % 2 == 0 ? fn_.arcs[e / 2].from : fn_.arcs[e / 2].to;
  }
  [[nodiscard]] std::uint32_t head(std::uint32_t e) const {
    return e % 2 == 0 ? fn_.arcs[e / 2].to : fn_.arcs[e / 2].from;
  }
  void augment(std::uint32_t e, long long amount) { flow_[e / 2] += e % 2 == 0 ? amount : -amount; }
  /// Dijkstra on reduced costs; updates the potentials. False if t is unreachable.
  bool shortest(std::uint32_t s, std::uint32_t t) {
    search_.start(fn_.vertex_count);
    search_.relax(s, 0.0, invalid_index);
    while (!search_.empty()) {
      const std::uint32_t u = search_.pop();
      for (std::uint32_t e : out_[u])
        if (residual(e) > 0) {
          const double reduced = cost(e) + potential_[u] - potential_[head(e)];
          search_.relax(head(e), search_.dist(u) + std::max(0.0, reduced), e);
        }
    }
    if (!search_.reached(t))
      return false;
    const double dt = search_.dist(t);
    for (std::uint32_t v = 0; v < fn_.vertex_count; ++v)
      potential_[v] += search_.reached(v) ? std::min(search_.dist(v), dt) : dt;
    return true;
  }

  const FlowNetwork &fn_;
  std::vector<long long> left_;
  std::vector<std::vector<std::uint32_t>> out_;
  std::vector<long long> flow_;
  std::vector<double> potential_;
  SearchWorkspace<double> search_;
  double vot_ = 0.0;
};

/// Splits one flow's arc flows into routes from s to t (cycles, if any, are dropped).
std::vector<RouteFlow> decompose(const FlowNetwork &fn, std::vector<long long> flow,
                                 std::uint32_t s, std::uint32_t t, double vot) {
  std::vector<std::vector<std::size_t>> out(fn.vertex_count);
  for (std::size_t a = 0; a < fn.arcs.size(); ++a)
    out[fn.arcs[a].from].push_back(a);
  std::vector<RouteFlow> routes;
  for (;;) {
    std::vector<std::size_t> path;
    std::vector<bool> seen(fn.vertex_count, false);
    std::uint32_t v = s;
    while (v != t && !seen[v]) {
      seen[v] = true;
      auto it =
          std::find_if(out[v].begin(), out[v].end(), [&](std::size_t a) { return flow[a] > 0; });
      if (it == out[v].end())
        break;
      path.push_back(*it);
      v = fn.arcs[*it].to;
    }
    if (path.empty() || v != t)
      return routes; // done (a cycle or dead end means nothing more reaches t)
    long long amount = std::numeric_limits<long long>::max();
    for (std::size_t a : path)
      amount = std::min(amount, flow[a]);
    RouteFlow r;
    r.nodes.push_back(s / 2);
    for (std::size_t a : path) {
      flow[a] -= amount;
      r.cost_per_teu += fn.arcs[a].cost + vot * fn.arcs[a].hours;
      if (fn.arcs[a].link != invalid_index) {
        r.links.push_back(fn.arcs[a].link);
        r.nodes.push_back(fn.arcs[a].to / 2);
      }
    }
    r.volume = TeuPerYear(static_cast<double>(amount));
    routes.push_back(std::move(r));
  }
}

} // namespace

Assignment assign_demand(const Network &net, const std::vector<DemandFlow> &demand,
                         const FlowOptions &options) {
  const FlowNetwork fn = build_flow_network(net, options);
  Residual residual(fn);
  Assignment result;
  for (std::size_t d = 0; d < demand.size(); ++d) {
    const DemandFlow &df = demand[d];
    if (df.origin >= net.nodes.size() || df.destination >= net.nodes.size())
      throw ApiMisuse("assign_demand: node index out of range");
    const auto wanted = static_cast<long long>(std::llround(df.volume.value()));
    DemandOutcome outcome{d, TeuPerYear(static_cast<double>(wanted)), TeuPerYear(0.0),
                          TeuPerYear(0.0)};
    if (df.origin != df.destination && wanted > 0) {
      const double vot =
          options.metric == Metric::Generalised ? value_of_time(net, df.cargo).value() : 0.0;
      auto flow = residual.send(outlet(df.origin), inlet(df.destination), wanted, vot);
      auto routes = decompose(fn, std::move(flow), outlet(df.origin), inlet(df.destination), vot);
      std::stable_sort(routes.begin(), routes.end(), [](const RouteFlow &a, const RouteFlow &b) {
        return a.cost_per_teu < b.cost_per_teu;
      });
      for (RouteFlow &r : routes) {
        r.demand = d;
        outcome.served += r.volume;
        result.total_cost += r.volume.value() * r.cost_per_teu;
        result.routes.push_back(std::move(r));
      }
    } else {
      outcome.served = outcome.requested;
    }
    outcome.unserved = outcome.requested - outcome.served;
    result.demands.push_back(outcome);
  }
  return result;
}

} // namespace corsim
