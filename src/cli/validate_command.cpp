// corsim validate FILE...: structure, units, references and physical sense of network files.
#include "commands.hpp"
#include "output.hpp"

#include <iostream>

namespace corsim::cli {
namespace {

int run_validate(const std::vector<std::string> &files) {
  int code = exit_ok;
  for (const auto &file : files) {
    const auto net = load_or_report(file);
    if (!net) {
      code = exit_bad_input;
      continue;
    }
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
