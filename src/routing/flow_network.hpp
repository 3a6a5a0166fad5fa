#pragma once
/// \file flow_network.hpp
/// Internal: the node-split flow graph shared by max_flow and assign_demand.
/// Vertex 2n is node n's inlet, 2n + 1 its outlet; arc capacities are whole TEU/year.

#include "corsim/flow.hpp"

#include <cstdint>
#include <vector>

namespace corsim::detail {

inline constexpr long long unlimited_teu = 1'000'000'000'000'000LL; ///< 1e15 TEU/year

inline std::uint32_t inlet(NodeIndex n) { return 2 * n; }
inline std::uint32_t outlet(NodeIndex n) { return 2 * n + 1; }

struct FlowArc {
  std::uint32_t from;
  std::uint32_t to;
  long long capacity; ///< TEU/year, unlimited_teu when unlimited
  double cost;        ///< per TEU in the unit of the options' metric; for Generalised, the
                      ///< money part only: add value of time × hours per cargo class
  double hours;       ///< running time or expected dwell
  LinkIndex link;     ///< invalid_index for a node arc
  NodeIndex node;     ///< the node of a node arc
};

struct FlowNetwork {
  std::size_t vertex_count = 0;
  std::vector<FlowArc> arcs; ///< node arcs first (by node), then link arcs (by link, forward first)
};

/// Builds the flow graph of a network under a filter (closed nodes get no arcs).
FlowNetwork build_flow_network(const Network &net, const FlowOptions &o);

} // namespace corsim::detail
