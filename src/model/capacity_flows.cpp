// What a capacity question scales (an OD's flows, or every flow through a crossing), the nodes
// a route passes, and the infrastructure-only max-flow bound.
#include "corsim/model/capacity.hpp"
#include "corsim/text.hpp"

#include "corsim/error.hpp"

#include <algorithm>

namespace corsim::model {

FlowSet find_od(const Network &net, const std::string &text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos)
    throw InputError("--od " + in_quotes(text) + ": expected ORIGIN:DESTINATION, e.g. CCX:DUI");
  FlowSet od;
  od.from = net.find_node(text.substr(0, colon)); // throws with the closest names
  od.to = net.find_node(text.substr(colon + 1));
  double teu_per_year = 0.0;
  for (FlowIndex f = 0; f < net.demand.size(); ++f)
    if (net.demand[f].origin == od.from && net.demand[f].destination == od.to) {
      od.flows.push_back(f);
      teu_per_year += net.demand[f].volume.value();
    }
  if (od.flows.empty())
    throw InputError("--od " + in_quotes(text) + ": no demand flow from " + net.nodes[od.from].id +
                     " to " + net.nodes[od.to].id);
  od.demand = TeuPerYear(teu_per_year);
  od.label = net.nodes[od.from].id + " → " + net.nodes[od.to].id;
  return od;
}

namespace {

/// Whether the box alighting from services[i] does so at `node`: the destination after the
/// last service, else the first stop of the next service (a truck on demand included).
bool alights_at(const std::vector<Service> &all, const std::vector<ServiceIndex> &services,
                std::size_t i, NodeIndex node, NodeIndex destination) {
  if (i + 1 == services.size() || services[i + 1] >= all.size())
    return node == destination;
  const std::vector<NodeIndex> &next = all[services[i + 1]].route;
  return std::find(next.begin(), next.end(), node) != next.end();
}

} // namespace

std::vector<NodeIndex> route_nodes(const Network &net, const std::vector<ServiceIndex> &services,
                                   NodeIndex origin, NodeIndex destination) {
  const std::vector<Service> all = model_services(net);
  std::vector<NodeIndex> out;
  NodeIndex at = origin;
  for (std::size_t i = 0; i < services.size() && services[i] < all.size(); ++i) {
    const std::vector<NodeIndex> &r = all[services[i]].route;
    auto from = std::find(r.begin(), r.end(), at);
    if (from == r.end())
      break;
    auto to = from + 1;
    while (to != r.end() && !alights_at(all, services, i, *to, destination))
      ++to;
    if (to == r.end())
      break;
    out.insert(out.end(), from, to);
    at = *to;
  }
  out.push_back(destination);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

FlowSet flows_through(const Network &net, const SimulationResults &base, const std::string &at) {
  FlowSet set;
  const NodeIndex node = net.find_node(at); // throws with the closest names
  set.through = node;
  set.through_id = net.nodes[node].id;
  double teu_per_year = 0.0;
  for (FlowIndex f = 0; f < base.od.size() && f < net.demand.size(); ++f) {
    const OdResult &od = base.od[f];
    const bool passes = std::any_of(od.routes.begin(), od.routes.end(), [&](const RouteResult &r) {
      const auto nodes = route_nodes(net, r.services, od.origin, od.destination);
      return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
    });
    if (passes) {
      set.flows.push_back(f);
      teu_per_year += net.demand[f].volume.value();
    }
  }
  if (set.flows.empty())
    throw InputError("--at " + in_quotes(at) + ": no demand flow's route passes " +
                     net.nodes[node].id + " in the base run");
  set.demand = TeuPerYear(teu_per_year);
  set.label = "through " + net.nodes[node].id;
  return set;
}

namespace {

NetworkBound bound_of(MaxFlowResult r, double demand) {
  NetworkBound b;
  b.unbounded = r.unbounded;
  b.max_flow = r.value;
  if (r.unbounded)
    return b;
  b.multiplier = r.value.value() / demand;
  b.min_cut = std::move(r.min_cut);
  return b;
}

} // namespace

NetworkBound network_bound(const Network &net, const FlowSet &set, const FlowOptions &options) {
  if (!set.through)
    return bound_of(max_flow(net, set.from, {set.to}, options), set.demand.value());
  // Through a crossing: what passes it comes from the set's origins (at most the sum of
  // their max-flows to it), leaves it for their destinations, and passes its own facilities
  // (max_flow leaves out those of its ends); the least of the three bounds it.
  const NodeIndex at = *set.through;
  std::vector<NodeIndex> origins, destinations;
  for (FlowIndex f : set.flows) {
    if (net.demand[f].origin != at)
      origins.push_back(net.demand[f].origin);
    if (net.demand[f].destination != at)
      destinations.push_back(net.demand[f].destination);
  }
  std::sort(origins.begin(), origins.end());
  origins.erase(std::unique(origins.begin(), origins.end()), origins.end());
  std::vector<NetworkBound> bounds;
  if (!origins.empty()) {
    MaxFlowResult in;
    for (NodeIndex o : origins) {
      MaxFlowResult one = max_flow(net, o, {at}, options);
      in.unbounded = in.unbounded || one.unbounded;
      in.value = TeuPerYear(in.value.value() + one.value.value());
      in.min_cut.insert(in.min_cut.end(), one.min_cut.begin(), one.min_cut.end());
    }
    bounds.push_back(bound_of(std::move(in), set.demand.value()));
  }
  if (!destinations.empty())
    bounds.push_back(bound_of(max_flow(net, at, destinations, options), set.demand.value()));
  if (const auto cap = node_capacity(net, at, options)) {
    MaxFlowResult own;
    own.value = *cap;
    own.min_cut.push_back(
        CutElement{false, invalid_index, at, at, at, net.nodes[at].name + " (node)", *cap});
    bounds.push_back(bound_of(std::move(own), set.demand.value()));
  }
  NetworkBound best;
  best.unbounded = true;
  for (NetworkBound &b : bounds)
    if (!b.unbounded && (best.unbounded || b.multiplier < best.multiplier))
      best = std::move(b);
  return best;
}

} // namespace corsim::model
