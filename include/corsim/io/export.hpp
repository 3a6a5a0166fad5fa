#pragma once
/// \file io/export.hpp
/// The network as GeoJSON (RFC 7946: nodes as Points, links as LineStrings, with properties;
/// opens in QGIS or kepler.gl) and as a Graphviz DOT graph.

#include "corsim/network.hpp"

#include <string>

namespace corsim::io {

/// The network alone (`corsim export --geojson`): the base properties of network.geojson
/// (io/outputs.hpp network_geojson, the same writer) followed by the network's attributes
/// (facilities; gauge, running time in h, capacity per day, cost in USD/TEU, CO2 in g/tkm).
/// docs/outputs.md lists the properties.
std::string network_to_geojson(const Network &net);
/// The network as an undirected Graphviz graph: a box per node, an edge per link (km).
std::string network_to_dot(const Network &net);

} // namespace corsim::io
