#include "corsim/network.hpp"
#include "corsim/error.hpp"
#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

#include <algorithm>
#include <cmath>

namespace corsim {

namespace {

/// The name of enum value `v` in `names`, "?" for a value outside the enum.
template <class Enum> const char *name_of(const std::vector<std::string> &names, Enum v) {
  const auto i = static_cast<std::size_t>(v);
  return i < names.size() ? names[i].c_str() : "?";
}

/// The enum value named `s` in `names`, nullopt if none.
template <class Enum>
std::optional<Enum> value_of(const std::vector<std::string> &names, std::string_view s) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s)
      return static_cast<Enum>(i);
  return std::nullopt;
}

} // namespace

const std::vector<std::string> &node_kind_names() {
  static const std::vector<std::string> names = {
      "rail_terminal", "border_crossing", "seaport", "road_checkpoint", "hub", "gateway"};
  return names;
}

const std::vector<std::string> &mode_names() {
  static const std::vector<std::string> names = {"rail", "sea", "road"};
  return names;
}

const std::vector<std::string> &cargo_names() {
  static const std::vector<std::string> names = {"containers", "vehicles", "ecommerce", "mail"};
  return names;
}

const std::vector<std::string> &vehicle_type_names() {
  static const std::vector<std::string> names = {"train", "vessel", "truck"};
  return names;
}

const char *to_string(NodeKind k) { return name_of(node_kind_names(), k); }
const char *to_string(Mode m) { return name_of(mode_names(), m); }
const char *to_string(CargoClass c) { return name_of(cargo_names(), c); }
const char *to_string(VehicleType v) { return name_of(vehicle_type_names(), v); }

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

std::optional<Mode> mode_from_string(std::string_view s) { return value_of<Mode>(mode_names(), s); }

std::optional<CargoClass> cargo_from_string(std::string_view s) {
  return value_of<CargoClass>(cargo_names(), s);
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
  throw InputError("unknown node " + in_quotes(wanted) + did_you_mean(wanted, node_names()));
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

double BackgroundTraffic::busiest_month() const {
  return *std::max_element(monthly.begin(), monthly.end());
}

// A timetable's departures run with probability factor / busiest month (background.cpp).
double BackgroundTraffic::peak_per_hour() const {
  return per_hour.value() > 0.0 ? per_hour.value() * busiest_month()
                                : service.schedule.departures_per_week() / hours_per_week;
}

double BackgroundTraffic::mean_per_hour() const {
  double sum = 0.0;
  for (double f : monthly)
    sum += f;
  const double mean = sum / 12.0;
  if (per_hour.value() > 0.0)
    return per_hour.value() * mean;
  const double top = busiest_month();
  return top > 0.0 ? service.schedule.departures_per_week() / hours_per_week * mean / top : 0.0;
}

namespace {
bool single_gauge(Gauge g) { return g == Gauge::Standard || g == Gauge::Broad; }
} // namespace

Gauge next_gauge(const Network &net, const Service &s, std::size_t leg) {
  for (std::size_t i = leg; i < s.legs.size(); ++i)
    if (const Gauge g = net.links[s.legs[i]].gauge; single_gauge(g))
      return g;
  return Gauge::None;
}

// Walks the single-gauge legs; where the gauge differs from the one before, the train is
// transshipped at the yard nearest the new leg, among the stops since the last single-gauge
// leg ended (the receiving side of a dual-gauge border section).
std::vector<bool> gauge_change_stops(const Network &net, const Service &s) {
  std::vector<bool> at(s.route.size(), false);
  if (s.mode != Mode::Rail || s.legs.size() + 1 != s.route.size())
    return at;
  Gauge running = Gauge::None;
  std::size_t since = 0;
  for (std::size_t i = 0; i < s.legs.size(); ++i) {
    const Gauge g = net.links[s.legs[i]].gauge;
    if (!single_gauge(g))
      continue;
    if (running != Gauge::None && g != running) {
      std::size_t k = i; // no yard at all (validate forbids it): instant, at the new leg
      while (k > since && !net.nodes[s.route[k]].gauge_change)
        --k;
      at[net.nodes[s.route[k]].gauge_change ? k : i] = true;
    }
    running = g;
    since = i + 1;
  }
  return at;
}

} // namespace corsim
