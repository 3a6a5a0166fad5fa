// What-ifs on a loaded network: demand, departures and facility units, checked as the loader
// checks them.
#include "corsim/model/whatif.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace corsim::model {

namespace {
std::string factor_text(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

void check_factor(double factor, const char *what) {
  if (!(factor > 0.0) || !std::isfinite(factor))
    throw InputError(std::string("a ") + what + " factor must be positive and finite, not " +
                     factor_text(factor));
}

/// k - 1 departures spread evenly between each of `weekly` and the next, around the week.
std::vector<Hours> more_often(const std::vector<Hours> &weekly, int k) {
  std::vector<Hours> sorted = weekly;
  std::sort(sorted.begin(), sorted.end());
  std::vector<Hours> out;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double at = sorted[i].value();
    const double next =
        i + 1 < sorted.size() ? sorted[i + 1].value() : sorted.front().value() + hours_per_week;
    for (int j = 0; j < k; ++j)
      out.push_back(Hours(std::fmod(at + (next - at) * j / k, hours_per_week)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The units field of facility `kind` at node `n`, or null when the node has none.
int *units_of(Node &n, FacilityKind kind) {
  switch (kind) {
  case FacilityKind::Customs:
    return n.customs ? &n.customs->lanes : nullptr;
  case FacilityKind::RoadCheckpoint:
    return n.road_checkpoint ? &n.road_checkpoint->lanes : nullptr;
  case FacilityKind::Berths:
    return n.seaport ? &n.seaport->berths : nullptr;
  case FacilityKind::GaugeTracks:
    return n.gauge_change ? &n.gauge_change->transfer_tracks : nullptr;
  case FacilityKind::WagonPool:
    return n.gauge_change ? &n.gauge_change->wagon_pool : nullptr;
  case FacilityKind::Handling:
    return n.handling ? &n.handling->cranes : nullptr;
  case FacilityKind::Yard:
  case FacilityKind::LinkPaths:
  case FacilityKind::SingleTrack:
    break;
  }
  throw InputError(std::string("a ") + to_string(kind) + " has no units to set");
}
} // namespace

void scale_demand(Network &net, const std::vector<FlowIndex> &flows, double factor) {
  check_factor(factor, "demand");
  for (FlowIndex f : flows) {
    const DemandFlow &flow = net.demand.at(f);
    if (flow.volume.value() * factor / flow.size.mean() > max_consignments_per_year)
      throw InputError("demand of flow " + flow.id + " × " + factor_text(factor) +
                       " gives more than 1,000,000 consignments a year");
  }
  for (FlowIndex f : flows) // volumes are in TEU/yr, as the loader keeps them
    net.demand[f].volume = TeuPerYear(net.demand[f].volume.value() * factor);
}

void scale_departures(Network &net, ServiceIndex s, double factor) {
  check_factor(factor, "departures");
  Schedule &sch = net.services.at(s).schedule;
  switch (sch.kind) {
  case Schedule::Kind::Interval:
    sch.every = Hours(sch.every.value() / factor);
    return;
  case Schedule::Kind::Weekly:
    if (factor != std::floor(factor) || factor > 100.0)
      throw InputError("a weekly timetable's departures multiply by a whole number from 1 to "
                       "100, not " +
                       factor_text(factor));
    sch.weekly = more_often(sch.weekly, static_cast<int>(factor));
    return;
  case Schedule::Kind::Dispatch:
    break;
  }
  throw InputError("service " + net.services[s].id +
                   " leaves when loaded (dispatch): it has no departures to multiply");
}

void set_facility_units(Network &net, NodeIndex node, FacilityKind kind, int units) {
  Node &n = net.nodes.at(node);
  int *field = units_of(n, kind);
  if (!field)
    throw InputError("node " + n.id + " has no " + to_string(kind));
  const bool wagons = kind == FacilityKind::WagonPool;
  const int lowest = wagons ? 0 : 1;
  const int highest = wagons ? max_wagon_pool : max_facility_units;
  if (units < lowest || units > highest)
    throw InputError(std::string(to_string(kind)) + " at " + n.id + ": " + std::to_string(units) +
                     " units, expected " + std::to_string(lowest) + " to " +
                     std::to_string(highest));
  *field = units;
}

} // namespace corsim::model
