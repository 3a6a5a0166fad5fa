// The umbrella header alone is enough for a program that builds a corridor, routes and runs
// the engine.
#include "corsim/corsim.hpp"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("The umbrella header gives the network, the engine and routing", "[umbrella]") {
  corsim::Engine eng;
  int ran = 0;
  eng.schedule_at(corsim::to_ticks(corsim::Hours(2.0)), [&ran] { ++ran; });
  eng.run();
  CHECK(ran == 1);
  CHECK(eng.time() == 2.0);
  corsim::Network net;
  for (const char *name : {"Alpha", "Bravo"}) {
    corsim::Node n;
    n.id = std::string(1, name[0]);
    n.name = name;
    net.nodes.push_back(n);
  }
  CHECK(net.find_node("Bravo") == 1);
  corsim::model::SimulationOptions options;
  CHECK(options.replications >= 1);
}
