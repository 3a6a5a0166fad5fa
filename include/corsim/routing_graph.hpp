#pragma once
/// \file routing_graph.hpp
/// The routing graph built from a Network, and views of it per question.
///
/// Every node of the network is split into *ports* (how a box is carried there: rail on the
/// 1435 mm gauge, rail on the 1520 mm gauge, sea, road), and each port into an arrival and a
/// departure vertex. Arcs are of three kinds:
/// - Link: departure(u, p) -> arrival(v, p), one per direction of a link (two ports for a
///   dual-gauge link);
/// - Through: arrival(v, p) -> departure(v, p), the expected dwell of a box passing the node
///   without changing vehicle type (customs, road checkpoint);
/// - Transfer: arrival(v, p) -> departure(v, q), p != q, only where the node has the facility
///   for it (a gauge-change yard between gauges; a seaport or container handling between modes).
/// A route starts at a departure vertex of its origin and ends at an arrival vertex of its
/// destination, so dwell is charged at intermediate nodes only. See docs/routing.md.
///
/// Arc metrics are per TEU: hours, USD, tonnes CO2e, km. The graph is immutable after
/// construction; views (RoutingView) select arcs per question without copying the graph.

#include "corsim/driver_hours.hpp"
#include "corsim/network.hpp"
#include "corsim/units.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corsim {

/// How a box is carried at a node.
enum class Port : std::uint8_t { Rail1435, Rail1520, Sea, Road };
inline constexpr int port_count = 4;
const char *to_string(Port p); ///< "rail 1435", "rail 1520", "sea", "road"
/// The mode a port belongs to.
Mode mode_of(Port p);
/// Ports a link is usable on. A rail link without a gauge is treated as dual.
std::vector<Port> ports_of(const Link &l);
/// The port after riding link `l` on port `p`: a single-gauge rail link sets the gauge.
Port port_after(const Link &l, Port p);

using VertexIndex = std::uint32_t; ///< position among RoutingGraph vertices
using ArcIndex = std::uint32_t;    ///< position among RoutingGraph arcs
inline constexpr std::uint32_t invalid_index = 0xffffffffu;

enum class ArcKind : std::uint8_t { Link, Through, Transfer };

/// What one arc costs a TEU that uses it.
struct ArcMetrics {
  Hours time{0.0}; ///< running time or expected dwell, hours
  Usd cost{0.0};   ///< tariff per TEU, USD
  Tonnes co2{0.0}; ///< CO2e per TEU, tonnes (co2_per_teu in network.hpp)
  Km length{0.0};  ///< distance, km (0 for dwell arcs)
  friend ArcMetrics operator+(ArcMetrics a, const ArcMetrics &b) {
    return {a.time + b.time, a.cost + b.cost, a.co2 + b.co2, a.length + b.length};
  }
};

/// How expected dwell at nodes, and rests on the road, are estimated for route-level answers.
struct DwellOptions {
  /// Boxes handled together at a crane facility (one train-load), TEU. Handling dwell =
  /// reference_batch / (cranes × moves per crane).
  Teu reference_batch{100.0};
  /// Road links take these driver-hours rules (corsim/driver_hours.hpp; a driver rested at
  /// the start of each link): a link takes mean_elapsed_time(link, driver_hours).
  /// Off by default (link running times as given); `corsim route` and `corsim flow` turn it on.
  std::optional<DriverHoursRules> driver_hours;
};

/// Expected dwell of a reference batch at the node's facilities (hours); 0 where absent.
/// Customs: one clearance per vehicle, or per TEU of the reference batch where it clears per
/// box.
Hours customs_dwell(const Node &n, const DwellOptions &o);
/// Mean hours of one clearance (a vehicle's, or a box's where customs clears per box).
Hours customs_clearance(const Node &n);
Hours road_checkpoint_dwell(const Node &n);
Hours handling_dwell(const Node &n, const DwellOptions &o);
Hours seaport_dwell(const Node &n, const DwellOptions &o);
Hours gauge_change_dwell(const Node &n, const DwellOptions &o);

class RoutingGraph {
public:
  /// Keeps a reference to `network`, which must outlive the graph.
  explicit RoutingGraph(const Network &network, DwellOptions options = {});

  [[nodiscard]] const Network &network() const { return *network_; }
  [[nodiscard]] const DwellOptions &options() const { return options_; }
  [[nodiscard]] VertexIndex vertex_count() const {
    return static_cast<VertexIndex>(vertex_node_.size());
  }
  [[nodiscard]] ArcIndex arc_count() const { return static_cast<ArcIndex>(head_.size()); }

  [[nodiscard]] NodeIndex node_of(VertexIndex v) const { return vertex_node_[v]; }
  [[nodiscard]] Port port_of(VertexIndex v) const { return vertex_port_[v]; }
  [[nodiscard]] bool is_arrival(VertexIndex v) const { return vertex_arrival_[v] != 0; }
  /// The arrival / departure vertex of a node's port, invalid_index when the port is absent.
  [[nodiscard]] VertexIndex arrival(NodeIndex n, Port p) const;
  [[nodiscard]] VertexIndex departure(NodeIndex n, Port p) const;

  /// Out-arcs of v are [first_out(v), first_out(v + 1)), ordered by (kind, head).
  [[nodiscard]] ArcIndex first_out(VertexIndex v) const { return first_out_[v]; }
  [[nodiscard]] VertexIndex tail(ArcIndex a) const { return tail_[a]; }
  [[nodiscard]] VertexIndex head(ArcIndex a) const { return head_[a]; }
  [[nodiscard]] ArcKind kind(ArcIndex a) const { return kind_[a]; }
  /// The link an arc runs over (invalid_index for Through and Transfer arcs).
  [[nodiscard]] LinkIndex link_of(ArcIndex a) const { return link_[a]; }
  [[nodiscard]] const ArcMetrics &metrics(ArcIndex a) const { return metrics_[a]; }
  /// The arc from `from` to `to`, invalid_index if none.
  [[nodiscard]] ArcIndex find_arc(VertexIndex from, VertexIndex to) const;
  /// The arc of link `l` leaving node `from` on port `p`, invalid_index if none.
  [[nodiscard]] ArcIndex link_arc(LinkIndex l, NodeIndex from, Port p) const;

private:
  struct PendingArc;
  void add_ports(const Network &network);
  void add_arcs(const Network &network);
  void add_link_arcs(const Network &network, std::vector<PendingArc> &pending) const;
  void add_node_arcs(const Network &network, std::vector<PendingArc> &pending) const;
  VertexIndex new_vertex(NodeIndex n, Port p, bool arrival);

  const Network *network_;
  DwellOptions options_;
  std::vector<NodeIndex> vertex_node_;
  std::vector<Port> vertex_port_;
  std::vector<std::uint8_t> vertex_arrival_;
  std::vector<VertexIndex> port_vertex_; ///< [node][port][arrival?] -> vertex
  std::vector<ArcIndex> first_out_;
  std::vector<VertexIndex> tail_;
  std::vector<VertexIndex> head_;
  std::vector<ArcKind> kind_;
  std::vector<LinkIndex> link_;
  std::vector<ArcMetrics> metrics_;
};

/// What a question excludes. Empty = everything allowed.
struct RouteFilter {
  std::vector<Mode> modes;             ///< allowed modes; empty = all
  std::vector<NodeIndex> closed_nodes; ///< no route may pass or end there
  std::vector<LinkIndex> closed_links;
  std::vector<std::string> avoid_countries; ///< ISO codes; nodes there are closed
};

/// A filter from names as a planner writes them: allowed modes ("rail", "sea", "road") and
/// places to avoid, each a node (id, English or local name) or an ISO country code of some
/// node ("RU"). Throws InputError naming the closest known names for an unknown one.
RouteFilter make_filter(const Network &net, const std::vector<std::string> &modes,
                        const std::vector<std::string> &avoid);

/// A RoutingGraph seen through a RouteFilter. Holds a reference to the graph and O(nodes +
/// links) flags; never copies arcs. The graph must outlive the view.
class RoutingView {
public:
  RoutingView(const RoutingGraph &graph, const RouteFilter &filter);

  [[nodiscard]] const RoutingGraph &graph() const { return *graph_; }
  [[nodiscard]] bool node_open(NodeIndex n) const { return node_open_[n] != 0; }
  [[nodiscard]] bool link_open(LinkIndex l) const { return link_open_[l] != 0; }
  [[nodiscard]] bool mode_allowed(Mode m) const {
    return (mode_mask_ >> static_cast<int>(m) & 1u) != 0;
  }
  [[nodiscard]] bool vertex_open(VertexIndex v) const {
    return node_open(graph_->node_of(v)) && mode_allowed(mode_of(graph_->port_of(v)));
  }
  /// Whether arc a may be used: its link open, its head open and its ports' modes allowed.
  [[nodiscard]] bool allows(ArcIndex a) const;

private:
  const RoutingGraph *graph_;
  std::vector<std::uint8_t> node_open_;
  std::vector<std::uint8_t> link_open_;
  unsigned mode_mask_ = 0;
};

} // namespace corsim
