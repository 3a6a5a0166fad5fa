// Uses the installed core library: parses a quantity and builds a two-node network.
#include <corsim/network.hpp>
#include <corsim/parse.hpp>

#include <iostream>
#include <variant>

int main() {
  const auto length = corsim::parse_quantity("975 nm", corsim::Dimension::Length);
  corsim::Network net;
  net.nodes.push_back({.id = "ZRB", .name = "Zarubino"});
  net.nodes.push_back({.id = "NGB", .name = "Ningbo"});
  std::cout << net.nodes[net.find_node("Ningbo")].id << " " << std::get<double>(length) << "\n";
  return 0;
}
