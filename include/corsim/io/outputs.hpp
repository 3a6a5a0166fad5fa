#pragma once
/// \file io/outputs.hpp
/// The results files (docs/outputs.md): summary.json, tidy CSV, GeoJSON and a self-contained
/// HTML report, as the tool writes them with `--out DIR` (simulate, compare, sweep, capacity).
/// Each builder returns the file's text so that callers and tests need no disk.
///
/// Example (link corsim::io):
/// \code
///   corsim::Network net = corsim::io::load_network("corridors/teaching.yaml");
///   corsim::model::SimulationResults r = corsim::model::simulate(net, options);
///   corsim::io::write_outputs("out", {{"base", &net, &r}}, {.command = "my-tool"});
/// \endcode

#include "corsim/model/experiment.hpp"
#include "corsim/model/results.hpp"
#include "corsim/network.hpp"

#include "corsim/io/output_target.hpp"
#include <cstdint>

#include <string>
#include <vector>

namespace corsim::io {

/// What summary.json records about the run.
struct RunRecord {
  std::string command;         ///< "simulate", "compare", ...
  std::string scenario;        ///< scenario name (or network file)
  std::string scenario_as_run; ///< the scenario as run (YAML or JSON text); may be empty
  double horizon_days = 0.0;   ///< days measured, after the warm-up
  double warmup_days = 0.0;    ///< days run before measuring
  int replications = 0;
  std::uint64_t seed = 0;
  std::string route_choice; ///< model::to_string(RouteChoice)
  double run_seconds = 0.0; ///< wall-clock time of the simulation, seconds
};

/// One simulated scenario: its name, the network it ran on and its results (not owned).
struct ScenarioOutput {
  std::string name;
  const Network *network = nullptr;
  const model::SimulationResults *results = nullptr;
};

/// differences[i]: scenarios[i + 1] against scenarios[0] (compare); empty otherwise.
using Differences = std::vector<std::vector<model::Difference>>;

/// Writes summary.json, results.csv, facilities_over_time.csv, services_over_time.csv,
/// network.geojson and report.html into `dir` (created if missing), each atomically.
/// Throws InputError when a file cannot be written.
void write_outputs(const std::string &dir, const std::vector<ScenarioOutput> &scenarios,
                   const RunRecord &run, const Differences &differences = {});

/// Creates `dir` if missing and locks it for this run, and checks that write_outputs may
/// write its files there and each of `others` (--trace ...) where it names (see
/// check_output_targets), so that a bad --out fails before a long run, not after it.
/// Throws InputError otherwise.
/// Warns on stderr (when `warn_unlocked`) where the folder cannot be locked.
void prepare_output_dir(const std::string &dir, std::vector<OutputTarget> others = {},
                        bool warn_unlocked = true);

/// The names of the files write_outputs writes, in the order it writes them.
const std::vector<std::string> &output_file_names();

/// The version of corsim (CMake's project version), as recorded in summary.json.
const char *corsim_version();

/// One scenario's results as `simulate --format json` prints them: the run (without its
/// wall-clock time, so that the same run prints the same bytes), then the keys of a scenario
/// in summary.json (flows, facilities, services, links, bottlenecks, ...).
std::string results_json(const ScenarioOutput &scenario, const RunRecord &run);

/// One sentence on what grew without bound in `r` (model::find_overloads) and how many TEU
/// were still undelivered at the end (the transit statistics are censored); "" when nothing
/// did.
std::string overload_warning(const model::SimulationResults &r);

// The builders, one per file (network_to_geojson in io/export.hpp writes a network alone).
std::string summary_json(const std::vector<ScenarioOutput> &scenarios, const RunRecord &run,
                         const Differences &differences);
std::string results_csv(const std::vector<ScenarioOutput> &scenarios);
std::string facilities_over_time_csv(const std::vector<ScenarioOutput> &scenarios);
std::string services_over_time_csv(const std::vector<ScenarioOutput> &scenarios);
std::string network_geojson(const std::vector<ScenarioOutput> &scenarios);
std::string report_html(const std::vector<ScenarioOutput> &scenarios, const RunRecord &run,
                        const Differences &differences);

} // namespace corsim::io
