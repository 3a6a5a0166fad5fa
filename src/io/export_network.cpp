#include "corsim/io/export.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace corsim::io {
namespace {

using nlohmann::json;

json position(const Node &n) { return json::array({n.lon, n.lat}); } // GeoJSON: lon, lat

json node_feature(const Node &n) {
  json facilities = json::array();
  if (n.handling)
    facilities.push_back("handling");
  if (n.yard)
    facilities.push_back("yard");
  if (n.customs)
    facilities.push_back("customs");
  if (n.gauge_change)
    facilities.push_back("gauge_change");
  if (n.road_checkpoint)
    facilities.push_back("road_checkpoint");
  if (n.seaport)
    facilities.push_back("seaport");
  return {{"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", position(n)}}},
          {"properties",
           {{"id", n.id},
            {"name", n.name},
            {"local_name", n.local_name},
            {"kind", to_string(n.kind)},
            {"country", n.country},
            {"facilities", facilities}}}};
}

json link_feature(const Network &net, const Link &l) {
  const Node &a = net.nodes[l.from], &b = net.nodes[l.to];
  return {{"type", "Feature"},
          {"geometry",
           {{"type", "LineString"}, {"coordinates", json::array({position(a), position(b)})}}},
          {"properties",
           {{"id", l.id},
            {"from", a.id},
            {"to", b.id},
            {"mode", to_string(l.mode)},
            {"gauge", to_string(l.gauge)},
            {"length_km", l.length.value()},
            {"running_time_h", l.mean_running_time().value()},
            {"capacity_per_day", per_day(l.capacity)},
            {"single_track", l.single_track},
            {"oneway", l.oneway},
            {"cost_usd_per_teu", l.cost.value()},
            {"co2_g_per_tkm", l.co2.value()}}}};
}

} // namespace

std::string network_to_geojson(const Network &net) {
  json features = json::array();
  for (const auto &n : net.nodes)
    features.push_back(node_feature(n));
  for (const auto &l : net.links)
    features.push_back(link_feature(net, l));
  return json{{"type", "FeatureCollection"}, {"name", net.name}, {"features", features}}.dump(1) +
         "\n";
}

std::string network_to_dot(const Network &net) {
  auto quoted = [](const std::string &s) { return json(s).dump(); }; // JSON escaping suits DOT
  std::ostringstream out;
  out << "graph corridor {\n  graph [label=" << quoted(net.name) << ", overlap=false];\n"
      << "  node [shape=box, fontsize=10];\n";
  for (const auto &n : net.nodes)
    out << "  " << quoted(n.id) << " [label=" << quoted(n.name + "\n" + to_string(n.kind))
        << "];\n";
  for (const auto &l : net.links) {
    const char *style = l.mode == Mode::Rail ? "solid" : l.mode == Mode::Sea ? "dashed" : "dotted";
    out << "  " << quoted(net.nodes[l.from].id) << " -- " << quoted(net.nodes[l.to].id)
        << " [label=" << quoted(l.id + " " + std::to_string(int(l.length.value())) + " km")
        << ", style=" << style << (l.oneway ? ", dir=forward" : "") << "];\n";
  }
  out << "}\n";
  return out.str();
}

} // namespace corsim::io
