#pragma once
// Dwell at a node for the routing graph's through and transfer arcs. Internal to corsim_routing.

#include "corsim/routing_graph.hpp"

#include <array>
#include <optional>
#include <vector>

namespace corsim {

/// Dwell of a box that stays on its port at the node.
Hours through_dwell(const Node &n, Port p, const DwellOptions &o);

/// Dwell of a box moving from port p to port q at the node, nullopt where not possible.
std::optional<Hours> transfer_dwell(const Node &n, Port p, Port q, const DwellOptions &o);

/// Per link and direction (0: from -> to), the mean wait for a path that a timetabled train
/// should expect: the background traffic's time-average work, M/D/1 with the link's headway as
/// the service time and the background vehicles (at their mean monthly rate) as Poisson
/// arrivals, which a train arriving at a moment of its own timetable finds (the corridor's own
/// timetabled trains are spread by their timetables, not random; ρ at most 0.95: beyond, the
/// wait has no mean, and the plan takes the 0.95 one).
std::vector<std::array<double, 2>> expected_path_waits(const Network &net);

} // namespace corsim
