#pragma once
// Dwell at a node for the routing graph's through and transfer arcs. Internal to corsim_routing.

#include "corsim/routing_graph.hpp"

#include <optional>

namespace corsim {

/// Dwell of a box that stays on its port at the node.
Hours through_dwell(const Node &n, Port p);

/// Dwell of a box moving from port p to port q at the node, nullopt where not possible.
std::optional<Hours> transfer_dwell(const Node &n, Port p, Port q, const DwellOptions &o);

} // namespace corsim
