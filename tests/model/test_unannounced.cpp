// What the planner knows: a closure without notice meets the boxes already planned through it;
// with re-planning those still waiting take a detour when it starts; with notice the plans
// avoid it from the announcement. And the route choice sees the queues as they stand.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

/// A train from T to C by `route` over `legs`, Mondays at `at` hours, 10 TEU.
Service train(const char *id, std::vector<NodeIndex> route, std::vector<LinkIndex> legs,
              double at) {
  Service s;
  s.id = id;
  s.mode = Mode::Rail;
  s.route = std::move(route);
  s.legs = std::move(legs);
  s.vehicle.type = VehicleType::Train;
  s.vehicle.wagons = 5;
  s.vehicle.teu_per_wagon = Teu(2.0);
  s.vehicle.capacity = Teu(10.0);
  s.schedule.kind = Schedule::Kind::Weekly;
  s.schedule.weekly = {Hours(at)};
  return s;
}

/// T ==10 h== X ==10 h== C (the "north" train, Mondays 06:00, arriving at 26 h) and
/// T ==13 h== Y ==13 h== C (the "south" train, Mondays 12:00, arriving at 38 h). Three 2-TEU
/// boxes are ready at T at 00:00. X closes from 03:00 for ten days (until 243 h).
Network two_borders(double notice_hours) {
  Network net;
  net.name = "two borders";
  net.nodes = {node("T", NodeKind::Hub), node("X", NodeKind::BorderCrossing),
               node("Y", NodeKind::BorderCrossing), node("C", NodeKind::Gateway)};
  net.links = {rail("T-X", 0, 1, Gauge::Standard, 10.0), rail("X-C", 1, 3, Gauge::Standard, 10.0),
               rail("T-Y", 0, 2, Gauge::Standard, 13.0), rail("Y-C", 2, 3, Gauge::Standard, 13.0)};
  net.services = {train("north", {0, 1, 3}, {0, 1}, 6.0), train("south", {0, 2, 3}, {2, 3}, 12.0)};
  net.demand = {booked("T-C", 0, 3, {{0.0, 2.0}, {0.0, 2.0}, {0.0, 2.0}})};
  Disruption d;
  d.id = "x-closed";
  d.kind = DisruptionKind::Closure;
  d.target = DisruptionTarget::Node;
  d.index = 1;
  d.window = TimeWindow{Hours(3.0), Hours(243.0)};
  d.notice = Hours(notice_hours);
  net.disruptions = {d};
  return net;
}

} // namespace

TEST_CASE("An unannounced closure meets the boxes planned through it", "[model][replan]") {
  SimulationOptions o = options(14.0);
  SECTION("re-planning: at 03:00 the waiting boxes move to the south train (38 h)") {
    // At 03:00 the north train would be held at X from 16 h to 243 h: expected 253 h against
    // 38 h by Y.
    const SimulationResults r = simulate(two_borders(0.0), o);
    const OdResult &od = r.od[0];
    CHECK(od.transit_mean.mean == Approx(38.0));
    CHECK(cause(od, WaitCause::Departure) == Approx(12.0));
    CHECK(cause(od, WaitCause::Closure) == 0.0);
  }
  SECTION("without re-planning they ride north and wait at X until it reopens (253 h)") {
    o.replan = false;
    const SimulationResults r = simulate(two_borders(0.0), o);
    const OdResult &od = r.od[0];
    CHECK(od.transit_mean.mean == Approx(253.0));
    CHECK(cause(od, WaitCause::Closure) == Approx(243.0 - 16.0));
  }
  SECTION("announced three days ahead, the plans avoid it from the start, even without "
          "re-planning") {
    o.replan = false;
    const SimulationResults r = simulate(two_borders(72.0), o);
    CHECK(r.od[0].transit_mean.mean == Approx(38.0));
  }
  SECTION("announced after the north train left, the boxes aboard meet it anyway") {
    // Notice 0 and a closure from 08:00: the train left T at 06:00 with all three.
    Network net = two_borders(0.0);
    net.disruptions[0].window = TimeWindow{Hours(8.0), Hours(248.0)};
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].transit_mean.mean == Approx(258.0));
  }
}

TEST_CASE("The route choice sees the queue at a border as it stands", "[model][replan]") {
  // North and south run daily; customs at X clears one train in 30 h, so north train j
  // (arriving at X at 24j + 16 h) starts clearing at 16 + 30j h after waiting 6j h. A box
  // ready on day k (at 24k h) plans north at 26 + 30 = 56 h plus the wait of the last train
  // cleared, 6 floor((24k - 16) / 30) h, against 93 h by the south (T-Y 40 h, Y-C 41 h): north
  // on days 0..9 (day 9: 56 + 36 = 92 h), south from day 10 (56 + 42 = 98 h).
  Network net = two_borders(0.0);
  net.disruptions.clear();
  net.links[2].running_time = DistributionSpec::fixed(40.0);
  net.links[3].running_time = DistributionSpec::fixed(41.0);
  for (Service &s : net.services) {
    const Hours at = s.schedule.weekly[0];
    s.schedule.weekly.clear();
    for (int day = 0; day < 7; ++day)
      s.schedule.weekly.push_back(at + Hours(24.0 * day));
  }
  net.nodes[1].customs = Customs{};
  net.nodes[1].customs->time = DistributionSpec::fixed(30.0);
  net.demand[0].bookings.clear();
  for (int k = 0; k < 14; ++k)
    net.demand[0].bookings.push_back({Hours(24.0 * k), Teu(2.0)});
  SimulationOptions o = options(30.0);
  o.route_choice = RouteChoice::Logit;
  o.logit_scale = 10.0; // per USD: the cheaper route, all but surely
  const auto south_share = [](const SimulationResults &r) {
    for (const RouteResult &route : r.od[0].routes)
      if (route.services == std::vector<ServiceIndex>{1})
        return route.share.mean;
    return 0.0;
  };
  SECTION("with re-planning: the four boxes of days 10 to 13 go south") {
    CHECK(south_share(simulate(net, o)) == Approx(4.0 / 14.0));
  }
  SECTION("planning on the timetable alone: all north") {
    o.replan = false;
    CHECK(south_share(simulate(net, o)) == 0.0);
  }
}
