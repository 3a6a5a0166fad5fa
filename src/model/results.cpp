// Names and estimates of the results (include/corsim/model/results.hpp).
#include "corsim/model/results.hpp"

#include "corsim/statistics.hpp"

#include <cmath>

namespace corsim::model {

Estimate estimate(const std::vector<double> &values) {
  std::vector<double> xs;
  for (double x : values)
    if (!std::isnan(x))
      xs.push_back(x);
  Estimate e;
  e.n = static_cast<std::uint32_t>(xs.size());
  if (xs.empty())
    return e;
  const ConfidenceInterval ci = confidence_interval(xs, 0.95);
  e.mean = ci.mean;
  e.half_width = xs.size() >= 2 ? ci.half_width : 0.0;
  return e;
}

std::string facility_name(const Network &net, const FacilityResult &f) {
  const std::string where =
      f.link < net.links.size() ? "link " + net.links[f.link].id : net.nodes[f.node].id;
  return std::string(to_string(f.kind)) + " at " + where;
}

const char *to_string(WaitCause c) {
  static constexpr const char *names[wait_cause_count] = {
      "departure", "rolled over", "yard full", "loading", "customs", "gauge queue",
      "transfer",  "link queue",  "rail",      "dwell",   "sea",     "road border",
      "driving",   "driver rest", "closed",    "weather"};
  return names[static_cast<int>(c)];
}

const char *to_string(FacilityKind k) {
  switch (k) {
  case FacilityKind::Handling:
    return "handling";
  case FacilityKind::Yard:
    return "yard";
  case FacilityKind::Customs:
    return "customs";
  case FacilityKind::GaugeTracks:
    return "gauge-change tracks";
  case FacilityKind::WagonPool:
    return "wagon pool";
  case FacilityKind::RoadCheckpoint:
    return "road checkpoint";
  case FacilityKind::Berths:
    return "berths";
  case FacilityKind::LinkPaths:
    return "train paths";
  case FacilityKind::SingleTrack:
    return "single track";
  }
  return "?";
}

} // namespace corsim::model
