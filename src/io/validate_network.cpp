// Checks that need the whole network: services run over links of their mode, rail routes
// change gauge only where a gauge-change yard is, and every demand pair is reachable.
#include "load_context.hpp"

#include "corsim/parse.hpp"

#include <map>
#include <queue>

namespace corsim::io {
namespace {

std::optional<LinkIndex> find_link(const Network &net, NodeIndex a, NodeIndex b, Mode mode) {
  for (LinkIndex i = 0; i < net.links.size(); ++i) {
    const Link &l = net.links[i];
    if (l.mode == mode && ((l.from == a && l.to == b) || (!l.oneway && l.from == b && l.to == a)))
      return i;
  }
  return std::nullopt;
}

bool vehicle_fits_mode(VehicleType v, Mode m) {
  return (v == VehicleType::Train && m == Mode::Rail) ||
         (v == VehicleType::Vessel && m == Mode::Sea) ||
         (v == VehicleType::Truck && m == Mode::Road);
}

void resolve_legs(LoadContext &ctx, Service &s, const YAML::Node &y) {
  const YAML::Node route = y["route"];
  for (std::size_t i = 0; i + 1 < s.route.size(); ++i) {
    const auto link = find_link(ctx.net, s.route[i], s.route[i + 1], s.mode);
    if (!link) {
      ctx.diag.error(route[i + 1], "service '" + s.id + "': no " + to_string(s.mode) +
                                       " link from '" + ctx.net.nodes[s.route[i]].id + "' to '" +
                                       ctx.net.nodes[s.route[i + 1]].id + "'");
      continue;
    }
    s.legs.push_back(*link);
  }
}

/// The train keeps its gauge over dual-gauge track. Where it next runs on the other gauge, a
/// gauge-change yard must stand somewhere between the end of its last single-gauge link and the
/// start of the new one (Tongjiang's depot is before the dual-gauge bridge, not after it).
void check_gauge_changes(LoadContext &ctx, const Service &s, const YAML::Node &y) {
  if (s.mode != Mode::Rail || s.legs.size() + 1 != s.route.size())
    return;
  Gauge running = Gauge::Dual;
  std::size_t since = 0; // route position where the last single-gauge link ended
  for (std::size_t i = 0; i < s.legs.size(); ++i) {
    const Gauge g = ctx.net.links[s.legs[i]].gauge;
    if (g == Gauge::Dual)
      continue;
    if (running != Gauge::Dual && g != running) {
      bool yard = false;
      for (std::size_t k = since; k <= i; ++k)
        yard = yard || ctx.net.nodes[s.route[k]].gauge_change.has_value();
      if (!yard) {
        const std::string where = since == i
                                      ? "at '" + ctx.net.nodes[s.route[i]].id + "', which has no"
                                      : "between '" + ctx.net.nodes[s.route[since]].id + "' and '" +
                                            ctx.net.nodes[s.route[i]].id + "', where none has a";
        ctx.diag.error(y["route"][i], "service '" + s.id + "' changes gauge (" +
                                          to_string(running) + " to " + to_string(g) + ") " +
                                          where + " gauge_change facility");
      }
    }
    running = g;
    since = i + 1;
  }
}

void check_services(LoadContext &ctx) {
  for (std::size_t k = 0; k < ctx.net.services.size(); ++k) {
    Service &s = ctx.net.services[k];
    const YAML::Node &y = ctx.service_yaml[k];
    if (!vehicle_fits_mode(s.vehicle.type, s.mode))
      ctx.diag.error(y["vehicle"], "service '" + s.id + "': a " + to_string(s.vehicle.type) +
                                       " cannot run a " + to_string(s.mode) + " service");
    check_route(ctx, s, y);
  }
  for (std::size_t k = 0; k < ctx.net.background.size(); ++k)
    check_route(ctx, ctx.net.background[k].service, ctx.background_yaml[k]);
}

/// Nodes reachable from `origin` over links (respecting one-way links).
std::vector<bool> reachable_from(const Network &net, NodeIndex origin) {
  std::vector<std::vector<NodeIndex>> next(net.nodes.size());
  for (const Link &l : net.links) {
    next[l.from].push_back(l.to);
    if (!l.oneway)
      next[l.to].push_back(l.from);
  }
  std::vector<bool> seen(net.nodes.size(), false);
  std::queue<NodeIndex> todo;
  seen[origin] = true;
  todo.push(origin);
  while (!todo.empty()) {
    const NodeIndex n = todo.front();
    todo.pop();
    for (NodeIndex m : next[n])
      if (!seen[m]) {
        seen[m] = true;
        todo.push(m);
      }
  }
  return seen;
}

void check_demand(LoadContext &ctx) {
  std::map<NodeIndex, std::vector<bool>> reachable; // per origin, computed once
  for (std::size_t k = 0; k < ctx.net.demand.size(); ++k) {
    const DemandFlow &f = ctx.net.demand[k];
    auto it = reachable.find(f.origin);
    if (it == reachable.end())
      it = reachable.emplace(f.origin, reachable_from(ctx.net, f.origin)).first;
    if (!it->second[f.destination])
      ctx.diag.error(ctx.demand_yaml[k]["to"], "demand '" + f.id + "': '" +
                                                   ctx.net.nodes[f.destination].id +
                                                   "' cannot be reached from '" +
                                                   ctx.net.nodes[f.origin].id + "' over links");
  }
}

/// A link shorter than the straight line between its ends is almost certainly a typo.
void warn_implausible_lengths(LoadContext &ctx) {
  for (std::size_t k = 0; k < ctx.net.links.size(); ++k) {
    const Link &l = ctx.net.links[k];
    const Km straight = great_circle(ctx.net.nodes[l.from], ctx.net.nodes[l.to]);
    // 10 km of slack: some coordinates are estimates good to about 5 km.
    if (l.length + Km(10.0) < straight * 0.98)
      ctx.diag.warning(ctx.diag.pos(ctx.link_yaml[k]["length"]),
                       "link '" + l.id + "' is " + length_text(l.length.value()) +
                           " long, shorter than the straight line between its ends (" +
                           length_text(straight.value()) + ")");
  }
}

} // namespace

void check_route(LoadContext &ctx, Service &s, const YAML::Node &y) {
  if (s.route.empty())
    return;
  resolve_legs(ctx, s, y);
  check_gauge_changes(ctx, s, y);
}

void validate_network(LoadContext &ctx) {
  check_services(ctx);
  check_demand(ctx);
  warn_implausible_lengths(ctx);
  if (!ctx.diag.has_errors()) {
    warn_traffic_beyond_capacity(ctx);
    warn_unusable(ctx);
  }
}

} // namespace corsim::io
