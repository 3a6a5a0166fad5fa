#pragma once
/// \file model/experiment.hpp
/// Comparing scenarios run on common random numbers: replication r of every scenario uses
/// the same random streams (keyed by seed, replication and the id of what draws), so the
/// difference of a key result is estimated from the paired replications, with a much
/// narrower interval than two independent estimates would give.

#include "corsim/model/results.hpp"

#include <string>
#include <vector>

namespace corsim::model {

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
