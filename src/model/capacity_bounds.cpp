// The capacity of an origin–destination: its flows, the analytic bound (a resources × flows
// load matrix, Eigen) and the max-flow bound.
#include "corsim/model/capacity.hpp"

#include "corsim/error.hpp"

#include <Eigen/Dense>

#include <algorithm>

namespace corsim::model {

OdFlows find_od(const Network &net, const std::string &text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos)
    throw InputError("--od '" + text + "': expected ORIGIN:DESTINATION, e.g. CCX:DUI");
  OdFlows od;
  od.from = net.find_node(text.substr(0, colon)); // throws with the closest names
  od.to = net.find_node(text.substr(colon + 1));
  double teu_per_year = 0.0;
  for (FlowIndex f = 0; f < net.demand.size(); ++f)
    if (net.demand[f].origin == od.from && net.demand[f].destination == od.to) {
      od.flows.push_back(f);
      teu_per_year += net.demand[f].volume.value();
    }
  if (od.flows.empty())
    throw InputError("--od '" + text + "': no demand flow from " + net.nodes[od.from].id + " to " +
                     net.nodes[od.to].id);
  od.demand = TeuPerYear(teu_per_year);
  return od;
}

namespace {

/// Whether the box alighting from services[i] does so at `node`: the destination after the
/// last service, else the first node the next service calls at.
bool alights_at(const Network &net, const std::vector<ServiceIndex> &services, std::size_t i,
                NodeIndex node, NodeIndex destination) {
  const bool last = i + 1 == services.size() || services[i + 1] >= net.services.size();
  if (last)
    return node == destination;
  const std::vector<NodeIndex> &next = net.services[services[i + 1]].route;
  return std::find(next.begin(), next.end(), node) != next.end();
}

/// The nodes a route passes: along each service from where the box boards (the origin, or
/// where it left the previous service) to where it alights.
std::vector<NodeIndex> route_nodes(const Network &net, const std::vector<ServiceIndex> &services,
                                   NodeIndex origin, NodeIndex destination) {
  std::vector<NodeIndex> out;
  NodeIndex at = origin;
  for (std::size_t i = 0; i < services.size() && services[i] < net.services.size(); ++i) {
    const std::vector<NodeIndex> &r = net.services[services[i]].route;
    auto from = std::find(r.begin(), r.end(), at);
    if (from == r.end())
      break;
    auto to = from + 1;
    while (to != r.end() && !alights_at(net, services, i, *to, destination))
      ++to;
    if (to == r.end())
      break;
    out.insert(out.end(), from, to + 1);
    at = *to;
  }
  return out;
}

/// A capacity the analytic bound checks: TEU per year, and the TEU it carries per TEU of
/// each flow's demand (the flow's route shares in the base run).
struct Resource {
  std::string name;
  double capacity = 0.0; ///< TEU/yr
  Eigen::VectorXd use;   ///< per flow
};

/// The rows of the load matrix: timetabled services (departures a year × TEU per vehicle;
/// trucks dispatched on demand have no such limit, the checkpoints they pass do), then node
/// facilities at their max-flow rating (docs/routing.md). `service_row` and `node_row` get
/// each one's row, or -1.
std::vector<Resource> resource_rows(const Network &net, const SimulationResults &base,
                                    std::vector<int> &service_row, std::vector<int> &node_row) {
  const auto flows = static_cast<Eigen::Index>(net.demand.size());
  std::vector<Resource> out;
  service_row.assign(net.services.size(), -1);
  for (std::size_t s = 0; s < net.services.size(); ++s)
    if (net.services[s].schedule.kind != Schedule::Kind::Dispatch) {
      const ServiceResult &sv = base.services[s];
      service_row[s] = static_cast<int>(out.size());
      out.push_back({"service " + sv.id, sv.departures_per_year.mean * sv.capacity.value(),
                     Eigen::VectorXd::Zero(flows)});
    }
  node_row.assign(net.nodes.size(), -1);
  for (NodeIndex n = 0; n < net.nodes.size(); ++n)
    if (const auto cap = node_capacity(net, n, FlowOptions{})) {
      node_row[n] = static_cast<int>(out.size());
      out.push_back(
          {"facilities at " + net.nodes[n].id, cap->value(), Eigen::VectorXd::Zero(flows)});
    }
  return out;
}

std::vector<Resource> resources(const Network &net, const SimulationResults &base) {
  std::vector<int> service_row, node_row;
  std::vector<Resource> out = resource_rows(net, base, service_row, node_row);
  auto add = [&](int row, std::size_t f, double share) {
    if (row >= 0)
      out[static_cast<std::size_t>(row)].use(static_cast<Eigen::Index>(f)) += share;
  };
  for (std::size_t f = 0; f < base.od.size(); ++f) {
    const OdResult &od = base.od[f];
    for (const RouteResult &route : od.routes) {
      for (std::uint32_t s : route.services)
        if (s < service_row.size())
          add(service_row[s], f, route.share.mean);
      const auto nodes = route_nodes(net, route.services, od.origin, od.destination);
      for (std::size_t i = 1; i + 1 < nodes.size(); ++i) // not the ends
        add(node_row[nodes[i]], f, route.share.mean);
    }
  }
  return out;
}

} // namespace

AnalyticBound analytic_bound(const Network &net, const SimulationResults &base, const OdFlows &od) {
  const std::vector<Resource> res = resources(net, base);
  Eigen::MatrixXd a(static_cast<Eigen::Index>(res.size()),
                    static_cast<Eigen::Index>(net.demand.size()));
  for (std::size_t r = 0; r < res.size(); ++r)
    a.row(static_cast<Eigen::Index>(r)) = res[r].use.transpose();
  Eigen::VectorXd od_demand = Eigen::VectorXd::Zero(a.cols()), other = od_demand;
  for (FlowIndex f = 0; f < net.demand.size(); ++f)
    (std::find(od.flows.begin(), od.flows.end(), f) != od.flows.end() ? od_demand : other)(
        static_cast<Eigen::Index>(f)) = net.demand[f].volume.value();
  const Eigen::VectorXd od_load = a * od_demand, other_load = a * other;
  AnalyticBound b;
  for (std::size_t r = 0; r < res.size(); ++r) {
    const auto i = static_cast<Eigen::Index>(r);
    if (od_load(i) <= 0.0)
      continue;
    const double m = std::max(0.0, res[r].capacity - other_load(i)) / od_load(i);
    if (m < b.multiplier)
      b = AnalyticBound{m, res[r].name, TeuPerYear(res[r].capacity), TeuPerYear(other_load(i)),
                        TeuPerYear(od_load(i))};
  }
  return b;
}

NetworkBound network_bound(const Network &net, const OdFlows &od, const FlowOptions &options) {
  MaxFlowResult r = max_flow(net, od.from, {od.to}, options);
  NetworkBound b;
  b.unbounded = r.unbounded;
  b.max_flow = r.value;
  if (r.unbounded)
    return b;
  b.multiplier = r.value.value() / od.demand.value();
  b.min_cut = std::move(r.min_cut);
  return b;
}

} // namespace corsim::model
