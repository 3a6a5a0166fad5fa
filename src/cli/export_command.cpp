// corsim export FILE --geojson OUT --dot OUT: the network for GIS tools and Graphviz.
#include "commands.hpp"
#include "output.hpp"

#include "corsim/io/atomic_file.hpp"
#include "corsim/io/export.hpp"
#include "corsim/io/output_target.hpp"

#include <iostream>

namespace corsim::cli {
namespace {

struct ExportOptions {
  std::string file, geojson, dot;
};

int run_export(const ExportOptions &o) {
  const auto net = load_or_report(o.file);
  if (!net)
    return exit_bad_input;
  if (o.geojson.empty() && o.dot.empty()) {
    print_error("corsim export: nothing to do: give --geojson OUT and/or --dot OUT");
    return exit_bad_input;
  }
  std::vector<io::OutputTarget> targets;
  if (!o.geojson.empty())
    targets.push_back({"--geojson", o.geojson});
  if (!o.dot.empty())
    targets.push_back({"--dot", o.dot});
  io::check_output_targets(targets);
  // Both texts first, so that nothing is written when one of them fails.
  const std::string geojson = o.geojson.empty() ? "" : io::network_to_geojson(*net);
  const std::string dot = o.dot.empty() ? "" : io::network_to_dot(*net);
  if (!o.geojson.empty())
    io::write_file_atomically(o.geojson, geojson);
  if (!o.dot.empty())
    io::write_file_atomically(o.dot, dot);
  return exit_ok;
}

} // namespace

void add_export_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("export", "Write the network as GeoJSON and/or Graphviz DOT");
  auto o = std::make_shared<ExportOptions>();
  cmd->add_option("FILE", o->file, "Network YAML file")->required();
  cmd->add_option("--geojson", o->geojson, "GeoJSON output file (points and lines)");
  cmd->add_option("--dot", o->dot, "Graphviz DOT output file");
  cmd->callback([&action, o] { action = [o] { return run_export(*o); }; });
}

} // namespace corsim::cli
