#include "corsim/routing_graph.hpp"

#include "dwell.hpp"

#include "corsim/error.hpp"
#include "corsim/suggest.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace corsim {

const char *to_string(Port p) {
  switch (p) {
  case Port::Rail1435:
    return "rail 1435";
  case Port::Rail1520:
    return "rail 1520";
  case Port::Sea:
    return "sea";
  case Port::Road:
    return "road";
  }
  return "?";
}

Mode mode_of(Port p) {
  switch (p) {
  case Port::Sea:
    return Mode::Sea;
  case Port::Road:
    return Mode::Road;
  default:
    return Mode::Rail;
  }
}

std::vector<Port> ports_of(const Link &l) {
  switch (l.mode) {
  case Mode::Sea:
    return {Port::Sea};
  case Mode::Road:
    return {Port::Road};
  case Mode::Rail:
    break;
  }
  switch (l.gauge) {
  case Gauge::Standard:
    return {Port::Rail1435};
  case Gauge::Broad:
    return {Port::Rail1520};
  default:
    return {Port::Rail1435, Port::Rail1520};
  }
}

// The single port of ports_of(l), or p when the link has two; without building the list (the
// timetable search asks at every ride).
Port port_after(const Link &l, Port p) {
  if (l.mode != Mode::Rail)
    return l.mode == Mode::Sea ? Port::Sea : Port::Road;
  if (l.gauge == Gauge::Standard)
    return Port::Rail1435;
  return l.gauge == Gauge::Broad ? Port::Rail1520 : p;
}

namespace {

ArcMetrics link_metrics(const Link &l, const Settings &s, const DwellOptions &o) {
  ArcMetrics m;
  m.time = mean_elapsed_time(l, o.driver_hours);
  m.cost = l.cost;
  m.co2 = co2_per_teu(l, s);
  m.length = l.length;
  return m;
}

} // namespace

struct RoutingGraph::PendingArc {
  VertexIndex tail;
  VertexIndex head;
  ArcKind kind;
  LinkIndex link;
  ArcMetrics metrics;
};

RoutingGraph::RoutingGraph(const Network &network, DwellOptions options)
    : network_(&network), options_(options) {
  add_ports(network);
  add_arcs(network);
}

VertexIndex RoutingGraph::new_vertex(NodeIndex n, Port p, bool arrival) {
  const auto v = static_cast<VertexIndex>(vertex_node_.size());
  vertex_node_.push_back(n);
  vertex_port_.push_back(p);
  vertex_arrival_.push_back(arrival ? 1 : 0);
  port_vertex_[(n * port_count + static_cast<int>(p)) * 2 + (arrival ? 1 : 0)] = v;
  return v;
}

void RoutingGraph::add_ports(const Network &network) {
  std::vector<std::array<bool, port_count>> present(network.nodes.size());
  for (const Link &l : network.links) {
    if (l.from >= network.nodes.size() || l.to >= network.nodes.size())
      throw ApiMisuse("RoutingGraph: link '" + l.id + "' has a node index out of range");
    for (Port p : ports_of(l)) {
      present[l.from][static_cast<int>(p)] = true;
      present[l.to][static_cast<int>(p)] = true;
    }
  }
  port_vertex_.assign(network.nodes.size() * port_count * 2, invalid_index);
  for (NodeIndex n = 0; n < network.nodes.size(); ++n)
    for (int p = 0; p < port_count; ++p)
      if (present[n][p]) {
        new_vertex(n, static_cast<Port>(p), true);
        new_vertex(n, static_cast<Port>(p), false);
      }
}

void RoutingGraph::add_link_arcs(const Network &network, std::vector<PendingArc> &pending) const {
  for (LinkIndex li = 0; li < network.links.size(); ++li) {
    const Link &l = network.links[li];
    ArcMetrics m = link_metrics(l, network.settings, options_);
    if (l.mode == Mode::Sea) // the vessel clears customs at the ports at both ends
      m.time += customs_dwell(network.nodes[l.from], options_) +
                customs_dwell(network.nodes[l.to], options_);
    for (Port p : ports_of(l)) {
      pending.push_back({departure(l.from, p), arrival(l.to, p), ArcKind::Link, li, m});
      if (!l.oneway)
        pending.push_back({departure(l.to, p), arrival(l.from, p), ArcKind::Link, li, m});
    }
  }
}

void RoutingGraph::add_node_arcs(const Network &network, std::vector<PendingArc> &pending) const {
  for (NodeIndex n = 0; n < network.nodes.size(); ++n) {
    const Node &node = network.nodes[n];
    for (int pi = 0; pi < port_count; ++pi) {
      const auto p = static_cast<Port>(pi);
      if (arrival(n, p) == invalid_index)
        continue;
      ArcMetrics through;
      through.time = through_dwell(node, p, options_);
      pending.push_back({arrival(n, p), departure(n, p), ArcKind::Through, invalid_index, through});
      for (int qi = 0; qi < port_count; ++qi) {
        const auto q = static_cast<Port>(qi);
        if (qi == pi || arrival(n, q) == invalid_index)
          continue;
        if (auto t = transfer_dwell(node, p, q, options_)) {
          ArcMetrics transfer;
          transfer.time = *t;
          pending.push_back(
              {arrival(n, p), departure(n, q), ArcKind::Transfer, invalid_index, transfer});
        }
      }
    }
  }
}

void RoutingGraph::add_arcs(const Network &network) {
  std::vector<PendingArc> pending;
  add_link_arcs(network, pending);
  add_node_arcs(network, pending);
  std::stable_sort(pending.begin(), pending.end(), [](const PendingArc &a, const PendingArc &b) {
    return std::tie(a.tail, a.kind, a.head, a.link) < std::tie(b.tail, b.kind, b.head, b.link);
  });
  first_out_.assign(vertex_count() + 1, 0);
  for (const PendingArc &a : pending) {
    ++first_out_[a.tail + 1];
    tail_.push_back(a.tail);
    head_.push_back(a.head);
    kind_.push_back(a.kind);
    link_.push_back(a.link);
    metrics_.push_back(a.metrics);
  }
  for (VertexIndex v = 0; v < vertex_count(); ++v)
    first_out_[v + 1] += first_out_[v];
}

VertexIndex RoutingGraph::arrival(NodeIndex n, Port p) const {
  if (n >= network_->nodes.size())
    return invalid_index;
  return port_vertex_[(n * port_count + static_cast<int>(p)) * 2 + 1];
}

VertexIndex RoutingGraph::departure(NodeIndex n, Port p) const {
  if (n >= network_->nodes.size())
    return invalid_index;
  return port_vertex_[(n * port_count + static_cast<int>(p)) * 2];
}

ArcIndex RoutingGraph::find_arc(VertexIndex from, VertexIndex to) const {
  for (ArcIndex a = first_out_[from]; a < first_out_[from + 1]; ++a)
    if (head_[a] == to)
      return a;
  return invalid_index;
}

ArcIndex RoutingGraph::link_arc(LinkIndex l, NodeIndex from, Port p) const {
  const VertexIndex v = departure(from, p);
  if (v == invalid_index)
    return invalid_index;
  for (ArcIndex a = first_out_[v]; a < first_out_[v + 1]; ++a)
    if (link_[a] == l)
      return a;
  return invalid_index;
}

RoutingView::RoutingView(const RoutingGraph &graph, const RouteFilter &filter)
    : graph_(&graph), node_open_(graph.network().nodes.size(), 1),
      link_open_(graph.network().links.size(), 1) {
  const Network &net = graph.network();
  for (NodeIndex n : filter.closed_nodes) {
    if (n >= node_open_.size())
      throw ApiMisuse("RouteFilter: closed node index out of range");
    node_open_[n] = 0;
  }
  for (LinkIndex l : filter.closed_links) {
    if (l >= link_open_.size())
      throw ApiMisuse("RouteFilter: closed link index out of range");
    link_open_[l] = 0;
  }
  for (NodeIndex n = 0; n < net.nodes.size(); ++n)
    for (const std::string &c : filter.avoid_countries)
      if (net.nodes[n].country == c)
        node_open_[n] = 0;
  if (filter.modes.empty())
    mode_mask_ = 0b111;
  for (Mode m : filter.modes)
    mode_mask_ |= 1u << static_cast<int>(m);
}

RouteFilter make_filter(const Network &net, const std::vector<std::string> &modes,
                        const std::vector<std::string> &avoid) {
  RouteFilter f;
  for (const std::string &m : modes) {
    const auto mode = mode_from_string(m);
    if (!mode)
      throw InputError("unknown mode '" + m + "'" + did_you_mean(m, mode_names()));
    f.modes.push_back(*mode);
  }
  for (const std::string &a : avoid) {
    if (auto n = net.find_node_or_null(a)) {
      f.closed_nodes.push_back(*n);
      continue;
    }
    const bool country = std::any_of(net.nodes.begin(), net.nodes.end(),
                                     [&](const Node &n) { return n.country == a; });
    if (!country)
      (void)net.find_node(a); // throws InputError with the closest names
    f.avoid_countries.push_back(a);
  }
  return f;
}

bool RoutingView::allows(ArcIndex a) const {
  const RoutingGraph &g = *graph_;
  const LinkIndex l = g.link_of(a);
  if (l != invalid_index && !link_open(l))
    return false;
  return vertex_open(g.head(a)) && vertex_open(g.tail(a));
}

} // namespace corsim
