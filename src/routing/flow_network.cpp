#include "flow_network.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <cmath>

namespace corsim {

namespace {

Teu teu_per_path(const Network &net, LinkIndex l, const FlowOptions &o) {
  double best = 0.0;
  for (const Service &s : net.services)
    if (std::find(s.legs.begin(), s.legs.end(), l) != s.legs.end())
      best = std::max(best, s.vehicle.capacity.value());
  if (best > 0.0)
    return Teu(best);
  switch (net.links[l].mode) {
  case Mode::Rail:
    return o.teu_per_train;
  case Mode::Sea:
    return o.teu_per_sailing;
  case Mode::Road:
    return o.teu_per_truck;
  }
  return o.teu_per_train;
}

bool has_rail(const Network &net, NodeIndex n) {
  return std::any_of(net.links.begin(), net.links.end(), [&](const Link &l) {
    return l.mode == Mode::Rail && (l.from == n || l.to == n);
  });
}

/// TEU per vehicle of `mode` passing node n: the largest of the services calling there (as
/// for links), else the option's default. A checkpoint clears trucks, not TEU.
Teu teu_per_vehicle_at(const Network &net, NodeIndex n, Mode mode, Teu fallback) {
  double best = 0.0;
  for (const Service &s : net.services)
    if (s.mode == mode && std::find(s.route.begin(), s.route.end(), n) != s.route.end())
      best = std::max(best, s.vehicle.capacity.value());
  return best > 0.0 ? Teu(best) : fallback;
}

void keep_min(std::optional<double> &cap, double teu_per_hour) {
  cap = cap ? std::min(*cap, teu_per_hour) : teu_per_hour;
}

} // namespace

std::optional<TeuPerYear> link_capacity(const Network &net, LinkIndex l, const FlowOptions &o) {
  const Link &link = net.links.at(l);
  if (link.capacity.value() <= 0.0)
    return std::nullopt;
  return TeuPerYear(link.capacity.value() * teu_per_path(net, l, o).value() * hours_per_year);
}

std::optional<TeuPerYear> node_capacity(const Network &net, NodeIndex n, const FlowOptions &o) {
  const Node &node = net.nodes.at(n);
  std::optional<double> cap; // TEU per hour
  if (node.handling)
    keep_min(cap, node.handling->cranes * node.handling->moves_per_crane.value());
  if (node.gauge_change)
    keep_min(cap, node.gauge_change->transfer_tracks * node.gauge_change->lifts_per_track.value());
  if (node.seaport)
    keep_min(cap, node.seaport->berths * node.seaport->cranes_per_berth *
                      node.seaport->moves_per_crane.value());
  if (node.customs && customs_clearance(node).value() > 0.0) {
    // At a port the vessels clear, one call at a time (docs/model.md, "Customs"); per box, a
    // lane clears a TEU per clearance whatever the vehicle.
    const Teu per_vehicle = node.customs->per_box ? Teu(1.0)
                            : node.seaport ? teu_per_vehicle_at(net, n, Mode::Sea, o.teu_per_truck)
                            : has_rail(net, n)
                                ? teu_per_vehicle_at(net, n, Mode::Rail, o.teu_per_train)
                                : teu_per_vehicle_at(net, n, Mode::Road, o.teu_per_truck);
    keep_min(cap, node.customs->lanes / customs_clearance(node).value() * per_vehicle.value() *
                      node.customs->hours.weekly_open_share());
  }
  if (const auto &rc = node.road_checkpoint) {
    const double per_truck = teu_per_vehicle_at(net, n, Mode::Road, o.teu_per_truck).value();
    if (rc->time.mean() > 0.0)
      keep_min(cap, rc->lanes / rc->time.mean() * per_truck * rc->hours.weekly_open_share());
    if (rc->daily_quota.value() > 0.0)
      keep_min(cap, rc->daily_quota.value() * per_truck);
  }
  if (!cap)
    return std::nullopt;
  return TeuPerYear(*cap * hours_per_year);
}

namespace detail {

namespace {

long long whole_teu(std::optional<TeuPerYear> c) {
  if (!c)
    return unlimited_teu;
  return std::min(unlimited_teu, std::llround(c->value()));
}

double node_hours(const Node &n, const DwellOptions &o) {
  return customs_dwell(n, o).value() + road_checkpoint_dwell(n).value();
}

Hours link_hours(const Link &l, const FlowOptions &o) {
  return mean_elapsed_time(l, o.dwell.driver_hours);
}

/// The metric's value without the value of time (added per cargo class by the caller).
double link_cost(const Link &l, const Settings &s, const FlowOptions &o) {
  ArcMetrics m;
  m.time = link_hours(l, o);
  m.cost = l.cost;
  m.co2 = co2_per_teu(l, s);
  m.length = l.length;
  return weight_of(m, o.metric, Usd(0.0));
}

} // namespace

FlowNetwork build_flow_network(const Network &net, const FlowOptions &o) {
  std::vector<bool> open(net.nodes.size(), true);
  for (NodeIndex n : o.filter.closed_nodes)
    open.at(n) = false;
  for (NodeIndex n = 0; n < net.nodes.size(); ++n)
    for (const std::string &c : o.filter.avoid_countries)
      if (net.nodes[n].country == c)
        open[n] = false;
  FlowNetwork fn;
  fn.vertex_count = 2 * net.nodes.size();
  for (NodeIndex n = 0; n < net.nodes.size(); ++n)
    if (open[n])
      fn.arcs.push_back({inlet(n), outlet(n), whole_teu(node_capacity(net, n, o)),
                         o.metric == Metric::Time ? node_hours(net.nodes[n], o.dwell) : 0.0,
                         node_hours(net.nodes[n], o.dwell), invalid_index, n});
  for (LinkIndex li = 0; li < net.links.size(); ++li) {
    const Link &l = net.links[li];
    const bool mode_ok =
        o.filter.modes.empty() ||
        std::find(o.filter.modes.begin(), o.filter.modes.end(), l.mode) != o.filter.modes.end();
    const bool closed = std::find(o.filter.closed_links.begin(), o.filter.closed_links.end(), li) !=
                        o.filter.closed_links.end();
    if (!mode_ok || closed || !open[l.from] || !open[l.to])
      continue;
    const long long cap = whole_teu(link_capacity(net, li, o));
    const double cost = link_cost(l, net.settings, o);
    const double hours = link_hours(l, o).value();
    fn.arcs.push_back({outlet(l.from), inlet(l.to), cap, cost, hours, li, l.from});
    if (!l.oneway)
      fn.arcs.push_back({outlet(l.to), inlet(l.from), cap, cost, hours, li, l.to});
  }
  return fn;
}

} // namespace detail

} // namespace corsim
