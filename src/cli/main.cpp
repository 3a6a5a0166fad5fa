// corsim: the command-line tool. Thin: each subcommand is a short function over the libraries.
#include "checkpoint.hpp"
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"

#include "corsim/error.hpp"
#include "corsim/io/outputs.hpp"
#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

#include <iostream>

namespace {

void add_commands(CLI::App &app, corsim::cli::Action &action) {
  corsim::cli::add_validate_command(app, action);
  corsim::cli::add_info_command(app, action);
  corsim::cli::add_export_command(app, action);
  corsim::cli::add_route_command(app, action);
  corsim::cli::add_flow_command(app, action);
  corsim::cli::add_simulate_command(app, action);
  corsim::cli::add_compare_command(app, action);
  corsim::cli::add_sweep_command(app, action);
  corsim::cli::add_capacity_command(app, action);
}

/// When no subcommand was recognised: the first word that is not an option, named as an
/// unknown command with the closest ones ("" when every word is an option).
std::string unknown_command(CLI::App &app, int argc, char **argv) {
  if (!app.get_subcommands().empty())
    return "";
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] != '-') {
      std::vector<std::string> names;
      for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; }))
        names.push_back(sub->get_name());
      std::string all;
      for (const auto &n : names)
        all += (all.empty() ? "" : ", ") + n;
      return "corsim: unknown command " + corsim::in_quotes(argv[i]) +
             corsim::did_you_mean(argv[i], names) + "; the commands are " + all +
             " (corsim --help says more)";
    }
  return "";
}

/// Runs the parsed subcommand; errors become the documented exit codes (docs/cli.md).
int run(const corsim::cli::Action &action) {
  try {
    return action ? action() : corsim::cli::exit_ok;
  } catch (const corsim::model::Interrupted &) { // already reported, with what is kept
    return corsim::cli::exit_interrupted;
  } catch (const corsim::InputError &e) {
    corsim::cli::print_error(e.what());
    return corsim::cli::exit_bad_input;
  } catch (const std::exception &e) {
    corsim::cli::print_error(std::string("corsim: internal error: ") + e.what());
    return corsim::cli::exit_internal_error;
  }
}

} // namespace

int main(int argc, char **argv) {
  // MPI_Init/Finalize in the MPI build (docs/mpi.md); only rank 0 prints.
  const auto mpi = corsim::cli::start_mpi(argc, argv);
  CLI::App app{"corsim: logistics corridor route simulator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("corsim ") + corsim::io::corsim_version());
  // Global flags, accepted before or after the subcommand (fallthrough).
  bool quiet = false, verbose = false;
  auto *quiet_flag =
      app.add_flag("-q,--quiet", quiet, "Print only results and errors: no notes, no progress bar");
  app.add_flag("-v,--verbose", verbose, "Also print timings on stderr")->excludes(quiet_flag);
  app.fallthrough();
  corsim::cli::Action action;
  add_commands(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    if (const std::string unknown = unknown_command(app, argc, argv); !unknown.empty()) {
      corsim::cli::print_error(unknown);
      return corsim::cli::exit_bad_input;
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : corsim::cli::exit_bad_input;
  }
  corsim::cli::set_verbosity(quiet     ? corsim::cli::Verbosity::Quiet
                             : verbose ? corsim::cli::Verbosity::Verbose
                                       : corsim::cli::Verbosity::Normal);
  corsim::cli::install_stop_signals(); // SIGINT/SIGTERM: finish, keep, exit 130
  return run(action);
}
