#pragma once
// What simulate, compare, sweep and capacity share: reading a scenario (or a corridor file)
// with the command line's changes, and the run options that override the scenario's.

#include "corsim/io/outputs.hpp"
#include "corsim/io/scenario.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace corsim::cli {

struct RunOverrides {
  std::optional<double> days, precision;
  std::optional<std::string> warmup; ///< days, or "auto"
  std::optional<int> replications, max_replications;
  std::optional<std::uint64_t> seed;
  std::optional<std::string> route_choice;
  std::optional<std::string> replan; ///< "react" or "never"
  int threads = 0;                   ///< 0: one per core
  bool resume = false;               ///< reuse the replications kept under --out DIR
  std::vector<std::string> set;      ///< "path=value"
  std::vector<std::string> scale;    ///< "path=factor"
};

/// --days, --warmup, --replications, --precision, --max-replications, --seed, --route-choice,
/// --replan, --threads; with `changes`, also --set and --scale (one value each).
void add_run_options(CLI::App *cmd, RunOverrides &r, bool changes);
/// --set and --scale alone, into `r` (for commands that do not simulate).
void add_change_options(CLI::App *cmd, RunOverrides &r);

/// A --set or --scale as given: PATH=V1,V2,... (commas inside brackets stay, so that a
/// distribution is one value).
struct Assignment {
  io::Change::Kind kind = io::Change::Kind::Set;
  std::string option; ///< "--set" or "--scale", for messages
  std::string path;
  std::string text; ///< everything after '=': one value for simulate, compare and capacity
  std::vector<std::string> values; ///< the text split at its top-level commas: sweep's axis
};

/// The --set options' assignments, then the --scale ones. Throws InputError naming the
/// option when one has no '=' or an empty value.
std::vector<Assignment> assignments(const std::vector<std::string> &set,
                                    const std::vector<std::string> &scale);

/// The --set and --scale changes of `r` (one value each).
std::vector<io::Change> command_line_changes(const RunOverrides &r);

/// Loads FILE with `changes` applied last, printing warnings and errors to stderr; nullopt
/// when there are errors. The scenario's options get the overrides of `r`.
std::optional<io::Scenario> load_scenario_or_report(const std::string &file, const RunOverrides &r,
                                                    const std::vector<io::Change> &changes);
/// The scenario FILE once per list of changes (sweep's variants), every file read once; prints
/// the diagnostics of each in turn and stops at the first that does not load (nullopt).
std::optional<std::vector<io::Scenario>>
load_variants_or_report(const std::string &file, const RunOverrides &r,
                        const std::vector<std::vector<io::Change>> &variants);

/// Where a command keeps each finished replication while it runs (with --out DIR: the
/// folder DIR/replications/TAG), so that a run stopped by SIGINT or SIGTERM can resume.
struct Keep {
  std::string dir; ///< "" = keep nothing
  bool resume = false;
};
/// The folder for `tag` under --out `out` ("" without --out), and the --resume flag.
Keep keep_under(const std::string &out, const std::string &tag, const RunOverrides &r);
/// Removes DIR/replications once a command has written all it ran.
void discard_kept(const std::string &out);
/// Throws InputError (exit 2) when a run of `sc` with its options would pass a limit on work
/// (model::work_problem): called on every scenario as loaded, and again when a command changes
/// its options.
void check_work(const io::Scenario &sc);
/// Before a run: the --out folder `out` (when given) is created and locked by the process
/// that writes the outputs, and the files it will hold and `others` (--trace ...) are checked
/// writable without harm (io::prepare_output_dir). Throws InputError.
void claim_outputs(const std::string &out, const std::vector<io::OutputTarget> &others = {});

/// Sets `sc`'s warm-up to the one chosen from its pilot run (model::choose_warmup), adding the
/// pilot's seconds to `seconds`, and notes it unless `warn` is false.
void choose_warmup(io::Scenario &sc, double &seconds, bool warn);

/// Runs `sc` with a progress bar (and, when `spread`, over the MPI ranks), adding the
/// wall-clock seconds to `seconds`; unless `warn` is false, warns on stderr (even with --quiet)
/// when the run is overloaded and notes the model's warnings (not with --quiet). When interrupted,
/// says how far it got (unless `warn` is false: then the caller says it) and rethrows
/// model::Interrupted (main() exits 130).
model::SimulationResults simulate_scenario(io::Scenario &sc, double &seconds, const Keep &keep = {},
                                           bool spread = true, bool warn = true);

/// What summary.json records of a run of `sc` that gave `r`.
io::RunRecord run_record(const std::string &command, const io::Scenario &sc,
                         const model::SimulationResults &r, double seconds);

/// The scenario's name, and its corridor's name when they differ.
std::string scenario_title(const io::Scenario &sc);

} // namespace corsim::cli
