#pragma once
// A small hand-made network and results for the output tests: every figure known in advance,
// and ids with characters that must be escaped in CSV, JSON and HTML.

#include "corsim/model/experiment.hpp"
#include "corsim/model/results.hpp"
#include "corsim/network.hpp"

namespace corsim::test {

/// Nodes A (44N 125E), "B<&\"x" (44N 131E), C (30N 122E); links A-B (rail), A-C (sea).
Network output_network();
/// Two flows, 3 replications, 2 facilities, 1 service, 4 weekly periods, 5 key results (one
/// NaN in replication 2 of the last), link A-B measured and A-C without a capacity limit.
model::SimulationResults output_results();
/// Two differences of output_results() against itself shifted: one significant.
std::vector<model::Difference> output_differences();

} // namespace corsim::test
