// corsim: the command-line tool. Thin: each subcommand is a short function over the libraries.
#include "commands.hpp"
#include "output.hpp"

#include "corsim/error.hpp"

#include <iostream>

int main(int argc, char **argv) {
  CLI::App app{"corsim: logistics corridor route simulator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "corsim 0.1.0");
  corsim::cli::Action action;
  corsim::cli::add_validate_command(app, action);
  corsim::cli::add_info_command(app, action);
  corsim::cli::add_export_command(app, action);
  corsim::cli::add_route_command(app, action);
  corsim::cli::add_flow_command(app, action);
  corsim::cli::add_simulate_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : corsim::cli::exit_bad_input;
  }
  try {
    return action ? action() : corsim::cli::exit_ok;
  } catch (const corsim::InputError &e) {
    corsim::cli::print_error(e.what());
    return corsim::cli::exit_bad_input;
  } catch (const std::exception &e) {
    corsim::cli::print_error(std::string("corsim: internal error: ") + e.what());
    return corsim::cli::exit_internal_error;
  }
}
