// corsim validate FILE...: structure, units, references and physical sense of network files.
#include "commands.hpp"
#include "output.hpp"

#include "corsim/io/scenario.hpp"
#include "corsim/model/work.hpp"

#include <iostream>

namespace corsim::cli {
namespace {

int run_validate(const std::vector<std::string> &files) {
  int code = exit_ok;
  for (const auto &file : files) {
    io::ScenarioLoad load = io::try_load_scenario(file);
    for (const auto &d : load.diagnostics)
      print_error(d.text());
    // The work of a run with the file's own settings (a corridor file: a year, 5 replications).
    const std::string too_much =
        load.scenario ? model::work_problem(load.scenario->network, load.scenario->options) : "";
    if (!too_much.empty())
      print_error(format_diagnostic(SourcePos{file, 0, 0}, too_much));
    if (!load.scenario || !too_much.empty()) {
      code = exit_bad_input;
      continue;
    }
    const Network *net = &load.scenario->network;
    std::cout << file << ": ok (" << net->nodes.size() << " nodes, " << net->links.size()
              << " links, " << net->services.size() << " services, " << net->demand.size()
              << " demand flows)\n";
  }
  return code;
}

} // namespace

void add_validate_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("validate", "Check network files and report every problem");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("FILE", *files, "Network YAML files")->required();
  cmd->callback([&action, files] { action = [files] { return run_validate(*files); }; });
}

} // namespace corsim::cli
