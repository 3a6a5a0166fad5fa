#pragma once
// Applying a scenario's changes to a corridor's YAML tree before it is loaded, so that the
// loader checks the changed corridor exactly as it checks a file; and a scenario's run
// settings (scenario_run.cpp). Internal to corsim_io.

#include "corsim/io/scenario.hpp"
#include "yaml_reader.hpp"

namespace corsim::io {

/// Applies `c` (its value parsed as `value`) to the corridor `root`. Problems with the path
/// are reported to `diag` at c.at; the nodes it puts into the tree are attributed to where
/// they were written, so that the loader's errors point there. False when it failed.
bool apply_change(Diagnostics &diag, YAML::Node &root, const Change &c, const YAML::Node &value);

/// `text` with every number that carries a unit (and a bare number) multiplied by `factor`:
/// "4 h" -> "6 h", "triangular(1 h, 2 h, 4 h)" -> "triangular(1.5 h, 3 h, 6 h)"; shape
/// parameters without units stay. nullopt when nothing in it can be scaled.
std::optional<std::string> scale_text(const std::string &text, double factor);

/// Reads a `run:` map into `o` (over what earlier layers set); problems go to `diag`.
void read_run_settings(Diagnostics &diag, const YAML::Node &run, model::SimulationOptions &o,
                       const ScenarioLimits &limits);
/// Reports route shares of `run` that name flows, services or links `net` does not have.
void check_route_shares(Diagnostics &diag, const Network &net, const YAML::Node &run);

} // namespace corsim::io
