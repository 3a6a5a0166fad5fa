#pragma once
/// \file model/whatif.hpp
/// What-ifs on a loaded network, for searches that vary one number many times (the capacity
/// search, demand growth): the change is made in memory and checked against the same limits
/// as the loader, without reading or validating the corridor file again. Scenario files and
/// `--set`/`--scale` (corsim/io/scenario.hpp) change the YAML instead, for any path.

#include "corsim/network.hpp"

#include <cstddef>
#include <vector>

namespace corsim::model {

/// Multiplies the yearly volume of the demand flows `flows` (indices into `net.demand`) by
/// `factor`. Throws InputError when the factor is not positive and finite, or when a flow would
/// generate more than max_consignments_per_year; `net` is unchanged then.
void scale_demand(Network &net, const std::vector<FlowIndex> &flows, double factor);

} // namespace corsim::model
