// Warnings for what the file configures and no route can use: a service no demand flow can
// ride, customs where no vehicle clears and a yard where no box boards. A planner reads an
// unused resource as spare capacity, so `validate` says so before anything runs.
#include "load_context.hpp"

#include <algorithm>
#include <deque>

namespace corsim::io {

namespace {

bool accepts(const Service &s, CargoClass c) {
  return s.cargo.empty() || std::find(s.cargo.begin(), s.cargo.end(), c) != s.cargo.end();
}

/// Nodes a box of class `c` can reach from `start` (forward) or reach `start` from (backward),
/// riding any service that accepts it, or a truck on a road link that no service runs over.
/// Transfers are allowed everywhere: a superset of what the planner may use, so that what it
/// leaves out is certainly unusable.
std::vector<bool> reachable(const Network &net, NodeIndex start, CargoClass c, bool forward) {
  std::vector<bool> seen(net.nodes.size(), false);
  std::deque<NodeIndex> todo{start};
  seen[start] = true;
  auto visit = [&](NodeIndex n) {
    if (!seen[n]) {
      seen[n] = true;
      todo.push_back(n);
    }
  };
  std::vector<bool> served(net.links.size(), false);
  for (const Service &s : net.services)
    for (LinkIndex l : s.legs)
      served[l] = true;
  while (!todo.empty()) {
    const NodeIndex u = todo.front();
    todo.pop_front();
    for (const Service &s : net.services) {
      if (!accepts(s, c))
        continue;
      for (std::size_t i = 0; i < s.route.size(); ++i)
        if (s.route[i] == u)
          for (std::size_t j = 0; j < s.route.size(); ++j)
            if (forward ? j > i : j < i)
              visit(s.route[j]);
    }
    for (LinkIndex l = 0; l < net.links.size(); ++l) {
      const Link &k = net.links[l];
      if (k.mode != Mode::Road || served[l])
        continue;
      if (k.from == u && (forward || !k.oneway))
        visit(k.to);
      if (k.to == u && (!forward || !k.oneway))
        visit(k.from);
    }
  }
  return seen;
}

struct Usage {
  std::vector<bool> service;  ///< some flow can ride it
  std::vector<bool> customs;  ///< some vehicle clears customs at the node
  std::vector<bool> yard;     ///< some box can board there on a mode the yard serves
  std::vector<bool> transfer; ///< some box can change rides there
};

/// Marks, for one flow, the services it can ride (from a node it can reach to a node from
/// which it can reach its destination) and where those board.
void add_flow(const Network &net, const DemandFlow &f, Usage &u) {
  const std::vector<bool> from = reachable(net, f.origin, f.cargo, true);
  const std::vector<bool> to = reachable(net, f.destination, f.cargo, false);
  for (std::size_t k = 0; k < net.services.size(); ++k) {
    const Service &s = net.services[k];
    if (!accepts(s, f.cargo))
      continue;
    for (std::size_t i = 0; i + 1 < s.route.size(); ++i) {
      if (!from[s.route[i]])
        continue;
      for (std::size_t j = i + 1; j < s.route.size(); ++j) {
        if (!to[s.route[j]])
          continue;
        u.service[k] = true;
        const Node &n = net.nodes[s.route[i]];
        if (n.yard && n.yard->serves(s.mode))
          u.yard[s.route[i]] = true;
        for (const NodeIndex at : {s.route[i], s.route[j]})
          if (at != f.origin && at != f.destination)
            u.transfer[at] = true;
      }
    }
  }
}

/// Where a service's vehicles clear customs whatever they carry (docs/model.md, "Customs"):
/// trains and trucks at the nodes they pass, vessels at their first and last ports.
void mark_customs(const Service &s, std::vector<bool> &customs) {
  for (std::size_t i = 0; i < s.route.size(); ++i) {
    const bool end = i == 0 || i + 1 == s.route.size();
    if (s.mode == Mode::Sea ? end : !end)
      customs[s.route[i]] = true;
  }
}

} // namespace

void warn_unusable(LoadContext &ctx) {
  const Network &net = ctx.net;
  if (net.demand.empty()) // a network for scenarios to add demand to: nothing to judge by
    return;
  Usage u{std::vector<bool>(net.services.size(), false), std::vector<bool>(net.nodes.size(), false),
          std::vector<bool>(net.nodes.size(), false), std::vector<bool>(net.nodes.size(), false)};
  for (const DemandFlow &f : net.demand)
    add_flow(net, f, u);
  for (std::size_t k = 0; k < net.services.size(); ++k)
    if (u.service[k])
      mark_customs(net.services[k], u.customs);
  for (const BackgroundTraffic &b : net.background)
    mark_customs(b.service, u.customs);
  for (std::size_t k = 0; k < net.services.size(); ++k)
    if (!u.service[k])
      ctx.diag.warning(ctx.diag.pos(ctx.service_yaml[k]["route"]),
                       "service '" + net.services[k].id +
                           "': no demand flow can ride it (none reaches one of its stops and "
                           "its destination from a later one, with a cargo class it takes)");
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    const Node &node = net.nodes[n];
    if (node.customs && !u.customs[n] && !u.transfer[n])
      ctx.diag.warning(ctx.diag.pos(ctx.node_yaml[n]["customs"]),
                       "customs at '" + node.id +
                           "': no vehicle clears there (vehicles clear where they pass, where "
                           "boxes change rides and, vessels, at their first and last ports; a "
                           "box's own origin and destination are not cleared)");
    if (node.yard && !u.yard[n])
      ctx.diag.warning(ctx.diag.pos(ctx.node_yaml[n]["yard"]),
                       "yard at '" + node.id +
                           "': no box boards there on a mode it serves, so it holds nothing");
  }
}

} // namespace corsim::io
