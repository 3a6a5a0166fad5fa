#pragma once
/// \file model/experiment.hpp
/// Comparing scenarios run on common random numbers: replication r of every scenario uses
/// the same random streams (keyed by seed, replication and the id of what draws), so the
/// difference of a key result is estimated from the paired replications, with a much
/// narrower interval than two independent estimates would give.

#include "corsim/model/results.hpp"
#include "corsim/model/simulation.hpp"

#include <string>
#include <vector>

namespace corsim::model {

/// The options a what-if runs with when compared with a base on common random numbers: the
/// base's run settings (horizon, warm-up, replications, seed, precision, threads, ...), with
/// the what-if's own route choice, route shares and re-planning (they describe the what-if, not
/// the run).
SimulationOptions paired_options(const SimulationOptions &base, const SimulationOptions &whatif);

/// A key result of two scenarios and their paired difference.
struct Difference {
  std::string subject, measure, unit;
  Estimate base, other;
  Estimate difference; ///< other - base, 95% Student-t interval of the paired differences
  /// The interval of the difference excludes 0 (and the difference is not exactly 0).
  bool significant = false;
};

/// The key results present in both (matched by subject and measure, in the base's order),
/// paired replication by replication; replications where either has no value are left out.
std::vector<Difference> compare(const SimulationResults &base, const SimulationResults &other);

} // namespace corsim::model
