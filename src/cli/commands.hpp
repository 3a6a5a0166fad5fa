#pragma once
// One function per subcommand: each registers its options on the app and the action to run.
// Actions return the process exit code (see docs/cli.md): 0 done, 1 no result (e.g. no route),
// 2 bad input (reported as file:line:column: message before anything runs), 3 an internal
// error (a bug in corsim: please report it).

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>
#include <functional>

namespace corsim::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_no_result = 1;
inline constexpr int exit_bad_input = 2;

inline constexpr int exit_internal_error = 3;

/// Rejects "nan" and "inf" (CLI11's range checks let NaN through: every comparison is false).
inline CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string &text) {
        char *end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        return (end != text.c_str() && std::isfinite(v)) ? std::string()
                                                         : "must be a finite number";
      },
      "FINITE");
}

/// The action chosen on the command line, set by the subcommand's callback.
using Action = std::function<int()>;

void add_validate_command(CLI::App &app, Action &action);
void add_info_command(CLI::App &app, Action &action);
void add_export_command(CLI::App &app, Action &action);
void add_route_command(CLI::App &app, Action &action);
void add_flow_command(CLI::App &app, Action &action);
void add_simulate_command(CLI::App &app, Action &action);
void add_compare_command(CLI::App &app, Action &action);
void add_sweep_command(CLI::App &app, Action &action);
void add_capacity_command(CLI::App &app, Action &action);

} // namespace corsim::cli
