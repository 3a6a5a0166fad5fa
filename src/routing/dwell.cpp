// The mean dwell of a box at a node, by facility, as the routing graph charges it.
#include "dwell.hpp"

#include <algorithm>

namespace corsim {

namespace {

Hours batch_time(Teu batch, double rate_per_hour) {
  return rate_per_hour > 0.0 ? Hours(batch.value() / rate_per_hour) : Hours(0.0);
}

bool is_rail(Port p) { return mode_of(p) == Mode::Rail; }

} // namespace

Hours customs_clearance(const Node &n) {
  if (!n.customs)
    return Hours(0.0);
  const Customs &c = *n.customs;
  return Hours(c.time.mean() + c.inspection_share * c.inspection_time.mean());
}

Hours customs_dwell(const Node &n, const DwellOptions &o) {
  const Hours one = customs_clearance(n);
  return n.customs && n.customs->per_box ? one * o.reference_batch.value() : one;
}

Hours road_checkpoint_dwell(const Node &n) {
  return n.road_checkpoint ? Hours(n.road_checkpoint->time.mean()) : Hours(0.0);
}

Hours handling_dwell(const Node &n, const DwellOptions &o) {
  if (!n.handling)
    return Hours(0.0);
  return batch_time(o.reference_batch, n.handling->cranes * n.handling->moves_per_crane.value());
}

Hours seaport_dwell(const Node &n, const DwellOptions &o) {
  if (!n.seaport)
    return Hours(0.0);
  const Seaport &s = *n.seaport;
  return batch_time(o.reference_batch, s.berths * s.cranes_per_berth * s.moves_per_crane.value());
}

Hours gauge_change_dwell(const Node &n, const DwellOptions &o) {
  if (!n.gauge_change)
    return Hours(0.0);
  const GaugeChange &g = *n.gauge_change;
  return batch_time(o.reference_batch, g.transfer_tracks * g.lifts_per_track.value());
}

/// Dwell of a box that stays on its port at the node.
Hours through_dwell(const Node &n, Port p, const DwellOptions &o) {
  if (p == Port::Sea)
    return Hours(0.0);
  Hours h = customs_dwell(n, o);
  if (p == Port::Road)
    h += road_checkpoint_dwell(n);
  return h;
}

/// Dwell of a box moving from port p to port q at the node, nullopt where not possible.
std::optional<Hours> transfer_dwell(const Node &n, Port p, Port q, const DwellOptions &o) {
  if (is_rail(p) && is_rail(q)) {
    if (!n.gauge_change)
      return std::nullopt;
    return gauge_change_dwell(n, o) + customs_dwell(n, o) + n.transfer_time;
  }
  if (!n.seaport && !n.handling)
    return std::nullopt;
  const bool by_sea = p == Port::Sea || q == Port::Sea;
  const bool by_road = p == Port::Road || q == Port::Road;
  const Hours lift =
      (by_sea && n.seaport) || !n.handling ? seaport_dwell(n, o) : handling_dwell(n, o);
  // A vessel clears customs itself, per port call (the timetable has it: sea_customs).
  const Hours customs = by_sea ? Hours(0.0) : customs_dwell(n, o);
  return lift + customs + (by_road ? road_checkpoint_dwell(n) : Hours(0.0)) + n.transfer_time;
}

namespace {

void add_arrivals(const Network &net, const Service &s, double per_hour,
                  std::vector<std::array<double, 2>> &rate) {
  for (std::size_t i = 0; i < s.legs.size() && i + 1 < s.route.size(); ++i)
    rate[s.legs[i]][net.links[s.legs[i]].from == s.route[i] ? 0 : 1] += per_hour;
}

} // namespace

std::vector<std::array<double, 2>> expected_path_waits(const Network &net) {
  std::vector<std::array<double, 2>> rate(net.links.size(), {0.0, 0.0});
  for (const BackgroundTraffic &b : net.background)
    add_arrivals(net, b.service, b.mean_per_hour(), rate);
  std::vector<std::array<double, 2>> wait(net.links.size(), {0.0, 0.0});
  for (LinkIndex l = 0; l < net.links.size(); ++l) {
    if (!(net.links[l].capacity.value() > 0.0))
      continue;
    const double d = 1.0 / net.links[l].capacity.value(); // the headway
    for (int dir = 0; dir < 2; ++dir) {
      const double rho = std::min(0.95, rate[l][dir] * d);
      wait[l][dir] = rho * d / (2.0 * (1.0 - rho));
    }
  }
  return wait;
}

} // namespace corsim
