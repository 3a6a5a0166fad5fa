#pragma once
// A scenario file and the scenarios it extends, read into one chain: the base corridor, the
// changes in order, each layer's run settings. Internal to corsim_io.

#include "yaml_document.hpp"

#include "corsim/io/scenario.hpp"

#include <deque>
#include <string>
#include <vector>

namespace corsim::io {

/// A change as read from a file, with its value node (which keeps its line and column).
struct FileChange {
  Change change;
  YAML::Node value;
};

/// What the scenario files of one chain say, the innermost (the one with `base`) first.
struct Chain {
  std::string corridor;
  SourcePos corridor_at; ///< where a scenario names it (`base:`), for a file it cannot read
  std::vector<FileChange> changes;
  std::vector<YAML::Node> run; ///< each layer's `run` map, innermost first
  std::vector<std::string> run_files;
  std::string name, description, out_dir;
};

/// Moves the problems of a file that could not be read at all (no line: missing, a folder,
/// too large) from `file_diag` to `at` in `diag`, where a scenario names it, as
/// "'KEY' 'FILE': why"; problems at a line of the file stay where they are.
void report_at_reference(Diagnostics &file_diag, Diagnostics &diag, const SourcePos &at,
                         const char *key);

/// A YAML root that is a scenario (it has `base` or `extends`), not a corridor.
bool is_scenario(const YAML::Node &root);

/// The file name without folder and extension: a scenario's default name.
std::string stem(const std::string &file);

/// Reads a scenario file and the scenarios it extends into a Chain, one Diagnostics per file.
class ChainReader {
public:
  ChainReader(std::deque<Diagnostics> &diags, const LoadLimits &limits,
              const ScenarioLimits &slimits, FileTexts *texts)
      : diags_(diags), limits_(limits), texts_(texts), slimits_(slimits) {}
  /// Reads `file` and the scenarios it extends into `chain`; false after reporting a problem.
  bool read(const std::string &file, const YAML::Node &root, Chain &chain, int depth);

private:
  bool read_parent(Diagnostics &diag, const std::string &file, MapReader &top, Chain &chain,
                   int depth);
  void read_changes(Diagnostics &diag, const YAML::Node &list, Chain &chain);

  std::deque<Diagnostics> &diags_;
  const LoadLimits &limits_;
  FileTexts *texts_;
  const ScenarioLimits &slimits_;
  std::vector<std::string> open_; ///< the files being read, to find cycles
};

} // namespace corsim::io
