#include "corsim/network.hpp"
#include "corsim/error.hpp"
#include "corsim/suggest.hpp"

#include <cmath>

namespace corsim {

const char *to_string(NodeKind k) {
  switch (k) {
  case NodeKind::RailTerminal:
    return "rail_terminal";
  case NodeKind::BorderCrossing:
    return "border_crossing";
  case NodeKind::Seaport:
    return "seaport";
  case NodeKind::RoadCheckpoint:
    return "road_checkpoint";
  case NodeKind::Hub:
    return "hub";
  case NodeKind::Gateway:
    return "gateway";
  }
  return "?";
}

const char *to_string(Mode m) {
  switch (m) {
  case Mode::Rail:
    return "rail";
  case Mode::Sea:
    return "sea";
  case Mode::Road:
    return "road";
  }
  return "?";
}

const char *to_string(Gauge g) {
  switch (g) {
  case Gauge::None:
    return "none";
  case Gauge::Standard:
    return "1435";
  case Gauge::Broad:
    return "1520";
  case Gauge::Dual:
    return "dual";
  }
  return "?";
}

const char *to_string(CargoClass c) {
  switch (c) {
  case CargoClass::Containers:
    return "containers";
  case CargoClass::Vehicles:
    return "vehicles";
  case CargoClass::Ecommerce:
    return "ecommerce";
  case CargoClass::Mail:
    return "mail";
  }
  return "?";
}

const char *to_string(VehicleType v) {
  switch (v) {
  case VehicleType::Train:
    return "train";
  case VehicleType::Vessel:
    return "vessel";
  case VehicleType::Truck:
    return "truck";
  }
  return "?";
}

std::optional<NodeIndex> Network::find_node_or_null(std::string_view wanted) const {
  for (NodeIndex i = 0; i < nodes.size(); ++i)
    if (nodes[i].id == wanted)
      return i;
  for (NodeIndex i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == wanted || (!nodes[i].local_name.empty() && nodes[i].local_name == wanted))
      return i;
  return std::nullopt;
}

NodeIndex Network::find_node(std::string_view wanted) const {
  if (auto i = find_node_or_null(wanted))
    return *i;
  throw InputError("unknown node '" + std::string(wanted) + "'" +
                   did_you_mean(wanted, node_names()));
}

std::vector<std::string> Network::node_names() const {
  std::vector<std::string> out;
  for (const auto &n : nodes) {
    out.push_back(n.id);
    if (!n.name.empty())
      out.push_back(n.name);
    if (!n.local_name.empty())
      out.push_back(n.local_name);
  }
  return out;
}

Tonnes co2_per_teu(const Link &l, const Settings &s) {
  constexpr double grams_per_tonne = 1e6;
  return Tonnes(l.co2.value() * l.length.value() * s.tonnes_per_teu.value() / grams_per_tonne);
}

Km great_circle(const Node &a, const Node &b) {
  constexpr double earth_radius_km = 6371.0088;
  constexpr double rad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return Km(2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h))));
}

} // namespace corsim
