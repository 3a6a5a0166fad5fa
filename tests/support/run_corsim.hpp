#pragma once
// Runs the corsim tool as a user would, for the command-line tests.

#include <string>

namespace corsim::test {

struct CliRun {
  int code = -1;   ///< exit code, -1 if killed by a signal
  std::string out; ///< standard output
  std::string err; ///< standard error
};

/// Runs `corsim ARGS` from the source directory, capturing both streams.
CliRun run_corsim(const std::string &args);
/// The whole content of a file ("" when it cannot be read).
std::string slurp(const std::string &path);
/// A path in the temporary directory, unique to this process (test cases run in parallel).
std::string temp_path(const std::string &name);

} // namespace corsim::test
