// The network as a Graphviz DOT graph (the GeoJSON export is in geojson.cpp).
#include "corsim/io/export.hpp"
#include "corsim/parse.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace corsim::io {

std::string network_to_dot(const Network &net) {
  auto quoted = [](const std::string &s) {
    // JSON escaping suits DOT; invalid UTF-8 is replaced rather than thrown on.
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  std::ostringstream out;
  out << "graph corridor {\n  graph [label=" << quoted(net.name) << ", overlap=false];\n"
      << "  node [shape=box, fontsize=10];\n";
  for (const auto &n : net.nodes)
    out << "  " << quoted(n.id) << " [label=" << quoted(n.name + "\n" + to_string(n.kind))
        << "];\n";
  for (const auto &l : net.links) {
    const char *style = l.mode == Mode::Rail ? "solid" : l.mode == Mode::Sea ? "dashed" : "dotted";
    out << "  " << quoted(net.nodes[l.from].id) << " -- " << quoted(net.nodes[l.to].id)
        << " [label=" << quoted(l.id + " " + length_text(l.length.value())) << ", style=" << style
        << (l.oneway ? ", dir=forward" : "") << "];\n";
  }
  out << "}\n";
  return out.str();
}

} // namespace corsim::io
