// The one GeoJSON writer (RFC 7946: a FeatureCollection of Point nodes and LineString links,
// [lon, lat] in WGS84), for QGIS and kepler.gl. Every feature starts with the same base
// properties; `corsim export --geojson` adds the network's attributes, network.geojson of
// --out DIR adds the scenario and its simulated traffic (docs/outputs.md).
#include "corsim/io/export.hpp"
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"

#include <algorithm>
#include <optional>

namespace corsim::io {
namespace {

using detail::Json;

Json position(const Node &n) { return Json::array({n.lon, n.lat}); } // RFC 7946: lon first

Json point(const Node &n) { return {{"type", "Point"}, {"coordinates", position(n)}}; }

Json line(const Node &a, const Node &b) {
  return {{"type", "LineString"}, {"coordinates", Json::array({position(a), position(b)})}};
}

Json feature(Json geometry, Json properties) {
  return {{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", properties}};
}

/// Appends `more`'s properties to `props`, in their order.
void append(Json &props, const Json &more) {
  for (const auto &[key, value] : more.items())
    props[key] = value;
}

/// The base properties of a node, in every GeoJSON corsim writes.
Json node_base(const Node &n) {
  return {{"feature", "node"},
          {"id", n.id},
          {"name", n.name},
          {"local_name", n.local_name},
          {"kind", to_string(n.kind)},
          {"country", n.country}};
}

/// The base properties of a link, in every GeoJSON corsim writes; length in km.
Json link_base(const Network &net, const Link &l) {
  const Node &a = net.nodes[l.from], &b = net.nodes[l.to];
  return {{"feature", "link"},
          {"id", l.id},
          {"name", a.name + " – " + b.name},
          {"from", a.id},
          {"to", b.id},
          {"mode", to_string(l.mode)},
          {"length_km", l.length.value()}};
}

/// The export's node attributes: the facilities the node has.
Json node_attributes(const Node &n) {
  Json facilities = Json::array();
  const std::pair<bool, const char *> has[] = {
      {static_cast<bool>(n.handling), "handling"},
      {static_cast<bool>(n.yard), "yard"},
      {static_cast<bool>(n.customs), "customs"},
      {static_cast<bool>(n.gauge_change), "gauge_change"},
      {static_cast<bool>(n.road_checkpoint), "road_checkpoint"},
      {static_cast<bool>(n.seaport), "seaport"}};
  for (const auto &[present, name] : has)
    if (present)
      facilities.push_back(name);
  return {{"facilities", facilities}};
}

/// The export's link attributes: hours, TEU/day, USD/TEU and g CO2 per tonne-km.
Json link_attributes(const Link &l) {
  return {{"gauge", to_string(l.gauge)},
          {"running_time_h", l.mean_running_time().value()},
          {"capacity_per_day", per_day(l.capacity)},
          {"single_track", l.single_track},
          {"oneway", l.oneway},
          {"cost_usd_per_teu", l.cost.value()},
          {"co2_g_per_tkm", l.co2.value()}};
}

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

Json node_result(const std::string &scenario, const Network &net, NodeIndex i,
                 const model::SimulationResults &r) {
  Json props{{"scenario", scenario}};
  append(props, node_base(net.nodes[i]));
  props["utilisation"] = nullptr;
  std::optional<double> highest; // the busiest facility colours the node on a map
  for (const auto &f : r.facilities)
    if (f.node == i && f.link >= net.links.size() && f.utilisation.n) {
      props[utilisation_key(f.kind)] = f.utilisation.mean;
      highest = std::max(highest.value_or(0.0), f.utilisation.mean);
    }
  if (highest)
    props["utilisation"] = *highest;
  return feature(point(net.nodes[i]), props);
}

Json link_result(const std::string &scenario, const Network &net, LinkIndex i,
                 const model::LinkResult *traffic) {
  const Link &l = net.links[i];
  const model::Estimate none;
  const model::Estimate &teu = traffic ? traffic->teu_per_year : none;
  Json props{{"scenario", scenario}};
  append(props, link_base(net, l));
  append(props, {{"teu_per_year", mean_or_null(teu)},
                 {"teu_per_year_half_width", teu.n ? Json(teu.half_width) : Json(nullptr)},
                 {"vehicles_per_year", mean_or_null(traffic ? traffic->vehicles_per_year : none)},
                 {"utilisation", mean_or_null(traffic ? traffic->utilisation : none)}});
  return feature(line(net.nodes[l.from], net.nodes[l.to]), props);
}

std::string collection(const std::string &name, const Json &features) {
  // Invalid UTF-8 in a user's file is replaced rather than thrown on.
  return Json{{"type", "FeatureCollection"}, {"name", name}, {"features", features}}.dump(
             1, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

} // namespace

std::string network_to_geojson(const Network &net) {
  Json features = Json::array();
  for (const Node &n : net.nodes) {
    Json props = node_base(n);
    append(props, node_attributes(n));
    features.push_back(feature(point(n), props));
  }
  for (const Link &l : net.links) {
    Json props = link_base(net, l);
    append(props, link_attributes(l));
    features.push_back(feature(line(net.nodes[l.from], net.nodes[l.to]), props));
  }
  return collection(net.name, features);
}

std::string network_geojson(const std::vector<ScenarioOutput> &scenarios) {
  Json features = Json::array();
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const Network &net = *scenarios[s].network;
    const model::SimulationResults &r = *scenarios[s].results;
    const std::string name = detail::scenario_name(scenarios[s].name, s);
    for (NodeIndex i = 0; i < net.nodes.size(); ++i)
      features.push_back(node_result(name, net, i, r));
    std::vector<const model::LinkResult *> traffic(net.links.size(), nullptr);
    for (const auto &l : r.links)
      if (l.link < traffic.size())
        traffic[l.link] = &l;
    for (LinkIndex i = 0; i < net.links.size(); ++i)
      features.push_back(link_result(name, net, i, traffic[i]));
  }
  return collection(scenarios.empty() ? "" : scenarios[0].network->name, features);
}

} // namespace corsim::io
