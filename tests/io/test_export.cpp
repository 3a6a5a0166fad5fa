// GeoJSON (RFC 7946) and DOT exports of the teaching corridor.
#include "corsim/io/export.hpp"
#include "corsim/io/load.hpp"
#include "corsim/io/outputs.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace corsim;

TEST_CASE("The GeoJSON export has a Point per node and a LineString per link", "[io][export]") {
  const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  const auto doc = nlohmann::json::parse(io::network_to_geojson(net));
  REQUIRE(doc["type"] == "FeatureCollection");
  const auto &features = doc["features"];
  REQUIRE(features.size() == net.nodes.size() + net.links.size());
  int points = 0, lines = 0;
  for (const auto &f : features) {
    REQUIRE(f["type"] == "Feature");
    REQUIRE(f.contains("properties"));
    const auto &g = f["geometry"];
    if (g["type"] == "Point") {
      ++points;
      // RFC 7946: longitude first, within range.
      REQUIRE(g["coordinates"].size() == 2);
      CHECK(std::abs(g["coordinates"][0].get<double>()) <= 180);
      CHECK(std::abs(g["coordinates"][1].get<double>()) <= 90);
    } else {
      REQUIRE(g["type"] == "LineString");
      CHECK(g["coordinates"].size() == 2);
      ++lines;
    }
  }
  CHECK(points == 6);
  CHECK(lines == 5);
  // Node A sits at lat 44, lon 125.
  CHECK(features[0]["geometry"]["coordinates"] == nlohmann::json::array({125.0, 44.0}));
  CHECK(features[0]["properties"]["local_name"] == "甲站");
}

TEST_CASE("The export and network.geojson of --out share their base properties", "[io][export]") {
  const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  const model::SimulationResults none; // no traffic: the base properties are the same anyway
  const auto exported = nlohmann::ordered_json::parse(io::network_to_geojson(net));
  const auto results = nlohmann::ordered_json::parse(io::network_geojson({{"base", &net, &none}}));
  REQUIRE(exported["features"].size() == results["features"].size());
  const std::vector<std::string> node_base{"feature",    "id",   "name",
                                           "local_name", "kind", "country"};
  const std::vector<std::string> link_base{"feature", "id",   "name",     "from",
                                           "to",      "mode", "length_km"};
  for (std::size_t i = 0; i < exported["features"].size(); ++i) {
    const auto &e = exported["features"][i]["properties"];
    const auto &r = results["features"][i]["properties"];
    CHECK(r.begin().key() == "scenario");
    const auto &base = e["feature"] == "node" ? node_base : link_base;
    auto ei = e.begin(), ri = std::next(r.begin());
    for (const std::string &key : base) { // same keys, same order, same values
      REQUIRE(ei.key() == key);
      REQUIRE(ri.key() == key);
      CHECK(*ei++ == *ri++);
    }
    CHECK(exported["features"][i]["geometry"] == results["features"][i]["geometry"]);
  }
  const auto &link = exported["features"][net.nodes.size()]["properties"];
  CHECK(link["name"] == "Alpha terminal – Bravo border");
  CHECK(link.contains("gauge"));
  CHECK(link.contains("co2_g_per_tkm"));
  CHECK(exported["features"][0]["properties"]["facilities"] ==
        nlohmann::json::array({"handling", "yard"}));
}

TEST_CASE("The DOT export has one edge per link", "[io][export]") {
  const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  const std::string dot = io::network_to_dot(net);
  CHECK_THAT(dot, Catch::StartsWith("graph corridor {"));
  std::size_t edges = 0;
  for (std::size_t at = dot.find(" -- "); at != std::string::npos; at = dot.find(" -- ", at + 1))
    ++edges;
  CHECK(edges == net.links.size());
  CHECK_THAT(dot, Catch::Contains("\"P\" -- \"Q\" [label=\"P-Q 1852 km\", style=dashed]"));
}
