#pragma once
/// \file io/export.hpp
/// The network as GeoJSON (RFC 7946: nodes as Points, links as LineStrings, with properties;
/// opens in QGIS or kepler.gl) and as a Graphviz DOT graph.

#include "corsim/network.hpp"

#include <string>

namespace corsim::io {

std::string network_to_geojson(const Network &net);
std::string network_to_dot(const Network &net);

} // namespace corsim::io
