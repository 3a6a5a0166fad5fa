#pragma once
/// \file io/scenario.hpp
/// What-if scenarios (docs/scenarios.md): a base corridor, changes to it addressed by ids
/// (set, scale, add, remove), and how to run it. A scenario may extend another one; its
/// changes come after those of the scenario it extends, and its run settings override.

#include "corsim/io/load.hpp"
#include "corsim/model/simulation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace corsim::io {

/// One change, as written in a scenario file or given on the command line.
struct Change {
  enum class Kind { Set, Scale, Add, Remove };
  Kind kind = Kind::Set;
  std::string path;  ///< "nodes.ZBK.customs.time", "demand.*.volume"
  std::string value; ///< Set: a YAML value; Scale: a factor; Add: a YAML list or map
  SourcePos at;      ///< where it was written, for messages
};

/// Limits on what a scenario may ask for; each is a clear error.
struct ScenarioLimits {
  double max_days = 36500.0; ///< measured horizon and warm-up, each: 100 years
  int max_replications = 100'000;
  int max_extends = 16; ///< scenarios extending scenarios
  std::size_t max_changes = 10'000;
};

struct Scenario {
  std::string name;        ///< `scenario:`, or the file's name without folder and extension
  std::string description; ///< `description:`
  std::string file;        ///< the scenario file (or the corridor file when run directly)
  std::string corridor;    ///< the base corridor file
  std::vector<Change> changes;
  Network network; ///< the base with the changes applied
  /// Run settings: horizon, warm-up, replications (fixed or sequential), seed, route choice.
  model::SimulationOptions options;
  std::string out_dir; ///< `outputs: {dir: ...}`, relative to the scenario file; "" = none
  /// The scenario as run, as YAML text (the run settings and the changes), for the record.
  [[nodiscard]] std::string as_run() const;
};

struct ScenarioLoad {
  std::optional<Scenario> scenario;    ///< set only when there are no errors
  std::vector<Diagnostic> diagnostics; ///< errors and warnings
};

/// Reads a scenario file, or a corridor file (a scenario without changes), applies its
/// changes and then `extra` (from the command line, applied last), and loads the result.
/// Never throws for problems in the files: they are diagnostics at file:line:column.
ScenarioLoad try_load_scenario(const std::string &path, const std::vector<Change> &extra = {},
                               const LoadLimits &limits = {},
                               const ScenarioLimits &scenario_limits = {});

/// The scenario once for each list of extra changes (the variants of a sweep): every file is
/// read from disk once, and each variant is loaded from those texts.
std::vector<ScenarioLoad> try_load_variants(const std::string &path,
                                            const std::vector<std::vector<Change>> &variants,
                                            const LoadLimits &limits = {},
                                            const ScenarioLimits &scenario_limits = {});

/// "path=value" (or "path=v1,v2,..." split by the caller) as a Change; the position names
/// the command-line option.
Change change_from_text(Change::Kind kind, const std::string &path, const std::string &value,
                        const std::string &option);

} // namespace corsim::io
