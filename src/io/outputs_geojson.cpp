// network.geojson: the corridor with its simulated traffic, for QGIS and kepler.gl
// (RFC 7946: a FeatureCollection of Point nodes and LineString links, [lon, lat] in WGS84).
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"

#include <algorithm>
#include <optional>

namespace corsim::io {
namespace {

using detail::Json;

Json position(const Node &n) { return Json::array({n.lon, n.lat}); } // RFC 7946: lon first

/// A flat number property (GIS tools show flat attributes best): the mean, null without one.
Json mean_or_null(const model::Estimate &e) { return e.n ? Json(e.mean) : Json(nullptr); }

/// Property name for a facility's utilisation: "utilisation_road_checkpoint" (a plain
/// identifier: QGIS expressions and kepler.gl filters need no quoting).
std::string utilisation_key(model::FacilityKind k) {
  std::string name = std::string("utilisation_") + to_string(k);
  std::replace_if(
      name.begin(), name.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  return name;
}

Json node_feature(const std::string &scenario, const Network &net, NodeIndex i,
                  const model::SimulationResults &r) {
  const Node &n = net.nodes[i];
  Json props{{"scenario", scenario}, {"feature", "node"},          {"id", n.id},
             {"name", n.name},       {"local_name", n.local_name}, {"kind", to_string(n.kind)},
             {"country", n.country}, {"utilisation", nullptr}};
  std::optional<double> highest; // the busiest facility colours the node on a map
  for (const auto &f : r.facilities)
    if (f.node == i && f.link >= net.links.size() && f.utilisation.n) {
      props[utilisation_key(f.kind)] = f.utilisation.mean;
      highest = std::max(highest.value_or(0.0), f.utilisation.mean);
    }
  if (highest)
    props["utilisation"] = *highest;
  return {{"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", position(n)}}},
          {"properties", props}};
}

Json link_feature(const std::string &scenario, const Network &net, LinkIndex i,
                  const model::LinkResult *traffic) {
  const Link &l = net.links[i];
  const Node &a = net.nodes[l.from], &b = net.nodes[l.to];
  const model::Estimate none;
  const model::Estimate &teu = traffic ? traffic->teu_per_year : none;
  return {{"type", "Feature"},
          {"geometry",
           {{"type", "LineString"}, {"coordinates", Json::array({position(a), position(b)})}}},
          {"properties",
           {{"scenario", scenario},
            {"feature", "link"},
            {"id", l.id},
            {"name", a.name + " – " + b.name},
            {"from", a.id},
            {"to", b.id},
            {"mode", to_string(l.mode)},
            {"length_km", l.length.value()},
            {"teu_per_year", mean_or_null(teu)},
            {"teu_per_year_half_width", teu.n ? Json(teu.half_width) : Json(nullptr)},
            {"vehicles_per_year", mean_or_null(traffic ? traffic->vehicles_per_year : none)},
            {"utilisation", mean_or_null(traffic ? traffic->utilisation : none)}}}};
}

} // namespace

std::string network_geojson(const std::vector<ScenarioOutput> &scenarios) {
  Json features = Json::array();
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const Network &net = *scenarios[s].network;
    const model::SimulationResults &r = *scenarios[s].results;
    const std::string name = detail::scenario_name(scenarios[s].name, s);
    for (NodeIndex i = 0; i < net.nodes.size(); ++i)
      features.push_back(node_feature(name, net, i, r));
    std::vector<const model::LinkResult *> traffic(net.links.size(), nullptr);
    for (const auto &l : r.links)
      if (l.link < traffic.size())
        traffic[l.link] = &l;
    for (LinkIndex i = 0; i < net.links.size(); ++i)
      features.push_back(link_feature(name, net, i, traffic[i]));
  }
  const std::string title = scenarios.empty() ? "" : scenarios[0].network->name;
  return Json{{"type", "FeatureCollection"}, {"name", title}, {"features", features}}.dump(
             1, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

} // namespace corsim::io
