#pragma once
// One function per subcommand: each registers its options on the app and the action to run.
// Actions return the process exit code (see docs/cli.md): 0 done, 1 no result (e.g. no route),
// 2 bad input (reported as file:line:column: message before anything runs).

#include <CLI/CLI.hpp>

#include <functional>

namespace corsim::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_no_result = 1;
inline constexpr int exit_bad_input = 2;

/// The action chosen on the command line, set by the subcommand's callback.
using Action = std::function<int()>;

void add_validate_command(CLI::App &app, Action &action);
void add_info_command(CLI::App &app, Action &action);
void add_export_command(CLI::App &app, Action &action);
void add_route_command(CLI::App &app, Action &action);
void add_flow_command(CLI::App &app, Action &action);
void add_simulate_command(CLI::App &app, Action &action);

} // namespace corsim::cli
