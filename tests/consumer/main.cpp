// Uses the installed libraries as an outside program would: corsim::core to build and simulate,
// corsim::io to load a corridor file and write the results files.
// Usage: consumer CORRIDOR.yaml OUT_DIR
#include <corsim/io/load.hpp>
#include <corsim/io/outputs.hpp>
#include <corsim/model/simulation.hpp>
#include <corsim/network.hpp>
#include <corsim/parse.hpp>

#include <iostream>
#include <variant>

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer CORRIDOR.yaml OUT_DIR\n";
    return 2;
  }
  // The core alone: a quantity and a two-node network built in code.
  const auto length = corsim::parse_quantity("975 nm", corsim::Dimension::Length);
  corsim::Network small;
  small.nodes.push_back({.id = "ZRB", .name = "Zarubino"});
  small.nodes.push_back({.id = "NGB", .name = "Ningbo"});
  std::cout << small.nodes[small.find_node("Ningbo")].id << " " << std::get<double>(length) << "\n";

  // A corridor file, simulated briefly, and its results written as the tool's --out does.
  const corsim::Network net = corsim::io::load_network(argv[1]);
  corsim::model::SimulationOptions opt;
  opt.horizon = corsim::days(30);
  opt.warmup = corsim::days(5);
  opt.replications = 2;
  const corsim::model::SimulationResults results = corsim::model::simulate(net, opt);
  corsim::io::RunRecord run{.command = "consumer", .scenario = net.name};
  run.horizon_days = 30;
  run.warmup_days = 5;
  run.replications = opt.replications;
  run.seed = opt.seed;
  run.route_choice = corsim::model::to_string(opt.route_choice);
  corsim::io::write_outputs(argv[2], {{"base", &net, &results}}, run);
  std::cout << "flows " << results.od.size() << "\n";
  return 0;
}
