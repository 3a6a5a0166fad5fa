// Capacity, three ways and the infrastructure's max-flow, on small corridors with one
// bottleneck of each kind: a daily quota, lanes × opening hours, train paths, gauge lifts,
// berths (the seats of a weekly train are in test_capacity.cpp). Each is built so that the
// bottleneck fills at exactly twice the demand; the hand calculation is beside each.
#include "model_fixtures.hpp"

#include "corsim/model/capacity.hpp"
#include "corsim/model/whatif.hpp"

#include <catch2/catch.hpp>

using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

/// 52 weeks measured after one week of warm-up; one replication, deterministic.
SimulationOptions year() { return options(364.0, 7.0); }

/// A --2 h road-- K --2 h road-- D: the model tests' truck road A-K carried on to D; trucks of
/// 2 TEU leave A as soon as a 2-TEU box fills one (a box every `every` hours).
Network road_through_k(double every) {
  Network net = truck_road();
  net.name = "road through K";
  net.nodes.push_back(node("D", NodeKind::Hub));
  net.links.push_back(road("K-D", 1, 2, 2.0));
  net.services[0].route = {0, 1, 2};
  net.services[0].legs = {0, 1};
  net.demand = {scheduled(0, 2, 2.0, every)};
  return net;
}

/// The three answers and the infrastructure's, the analytic from runs at 1× and 0.5×.
struct Answers {
  AnalyticCapacity analytic;
  ServiceBound network;
  NetworkBound infrastructure;
  SimulatedCapacity simulated;
};

SimulationResults at(const Network &net, const FlowSet &set, double m) {
  Network scaled = net;
  scale_demand(scaled, set.flows, m);
  return simulate(scaled, year());
}

Answers answers(const Network &net, const char *od) {
  const FlowSet set = find_od(net, od);
  Answers a;
  a.analytic = analytic_capacity(net, set, year(), at(net, set, 1.0), at(net, set, 0.5), 0.5);
  a.network = service_bound(net, set, a.analytic.measured);
  a.infrastructure = network_bound(net, set);
  a.simulated = simulated_capacity(net, set, year(), StabilityOptions{});
  return a;
}

/// Each answer is 2× where the bottleneck `name` of `limit` binds. The network bound leaves
/// the set the capacity less the other flows' load, measured as load - marginal load (0 here
/// but for the measurement's edges: a few tenths of a percent). The simulation, searched to
/// 1/64, finds the last stable multiplier at or just under 2 (queues stay bounded up to the
/// bottleneck's full use), never above 2 + 1/32: past it, queues grow by the excess, 3% of
/// the demand at 2.03×, over the overload test's floor (50 TEU or 20 vehicles in the year)
/// for the demands here.
void check_twice(const Answers &a, const std::string &name, Limit limit) {
  REQUIRE_FALSE(a.analytic.resources.empty());
  CHECK(a.analytic.resources.front().name == name);
  CHECK(a.analytic.resources.front().limit == limit);
  CHECK(a.analytic.multiplier == Approx(2.0).epsilon(0.01));
  REQUIRE_FALSE(a.network.unbounded);
  CHECK(a.network.multiplier == Approx(2.0).epsilon(0.005));
  REQUIRE_FALSE(a.network.binding.empty());
  CHECK(a.network.binding.front() == name);
  REQUIRE(a.simulated.all(StabilitySearch::Outcome::Found));
  CHECK(a.simulated.multiplier.mean >= 2.0 - 1.0 / 16.0);
  CHECK(a.simulated.multiplier.mean <= 2.0 + 1.0 / 32.0);
}

} // namespace

TEST_CASE("A daily quota at a road checkpoint: 12 trucks a day against 6", "[capacity]") {
  // A box every 4 h: 6 trucks of 2 TEU a day, 4,380 TEU/yr. Two lanes of 1 h would clear
  // 48 a day; the quota of 12 a day binds: 12 × 365 = 4,380 trucks a year, twice the 2,190.
  Network net = road_through_k(4.0);
  RoadCheckpoint cp;
  cp.lanes = 2;
  cp.time = DistributionSpec::fixed(1.0);
  cp.daily_quota = PerHour(12.0 / 24.0);
  net.nodes[1].road_checkpoint = cp;
  const Answers a = answers(net, "A:D");
  check_twice(a, "road checkpoint at K", Limit::Quota);
  const ResourceCapacity &r = a.analytic.resources.front();
  CHECK(r.vehicles_per_day() == Approx(12.0));
  CHECK(r.teu_per_vehicle == Approx(2.0));
  CHECK(r.teu_per_year() == Approx(8760.0));
  // The max-flow graph rates K by its quota too: 12 × 2 TEU × 365 = 8,760 TEU/yr.
  CHECK(a.infrastructure.multiplier == Approx(2.0).epsilon(0.01));
  SECTION("a quota of 18 a day moves the bottleneck to 3×, as --set would") {
    net.nodes[1].road_checkpoint->daily_quota = PerHour(18.0 / 24.0);
    const FlowSet set = find_od(net, "A:D");
    const AnalyticCapacity more =
        analytic_capacity(net, set, year(), at(net, set, 1.0), at(net, set, 0.5), 0.5);
    CHECK(more.multiplier == Approx(3.0).epsilon(0.01));
    CHECK(service_bound(net, set, more.measured).multiplier == Approx(3.0).epsilon(1e-6));
  }
}

TEST_CASE("Lanes × opening hours at a road checkpoint: 6 trucks a day against 3", "[capacity]") {
  // A box every 8 h: 3 trucks a day. One lane, 2 h a truck, open 06:00-18:00 every day:
  // 12 h / 2 h = 6 trucks a day, 2,190 a year, twice the 1,095.
  Network net = road_through_k(8.0);
  RoadCheckpoint cp;
  cp.lanes = 1;
  cp.time = DistributionSpec::fixed(2.0);
  cp.hours = Calendar({WeeklyWindow{0x7f, 6.0, 18.0}}, {}, 0);
  net.nodes[1].road_checkpoint = cp;
  const Answers a = answers(net, "A:D");
  check_twice(a, "road checkpoint at K", Limit::LanesHours);
  CHECK(a.analytic.resources.front().vehicles_per_day() == Approx(6.0));
}

TEST_CASE("Train paths on a road: 8 a day against 4 trucks", "[capacity]") {
  // A box every 6 h: 4 trucks a day. A-K has 8 paths a day in each direction (one every
  // 3 h): 2,920 a year, twice the 1,460.
  Network net = road_through_k(6.0);
  net.links[0].capacity = PerHour(8.0 / 24.0);
  const Answers a = answers(net, "A:D");
  check_twice(a, "train paths at link A-K", Limit::Paths);
  CHECK(a.analytic.resources.front().vehicles_per_day() == Approx(8.0));
  // The graph: 8 paths × 2 TEU (the truck on it) × 365 = 5,840 TEU/yr over 2,920.
  CHECK(a.infrastructure.multiplier == Approx(2.0).epsilon(0.01));
}

TEST_CASE("Lifts at a break of gauge: 8,760 TEU a year against 4,380", "[capacity]") {
  // A daily train of 40 TEU from A through B (1435 -> 1520 mm) to C; a 2-TEU box every 4 h
  // is 4,380 TEU/yr, 12 TEU a day. One transfer track lifts 1 TEU an hour: 8,760 TEU/yr,
  // twice the demand; the seats (14,600 TEU/yr) are not full at 2×.
  Network net = line(20);
  net.nodes[1].customs.reset();
  net.nodes[1].gauge_change->lifts_per_track = PerHour(1.0);
  net.services[0].schedule.kind = Schedule::Kind::Interval;
  net.services[0].schedule.every = Hours(24.0);
  net.demand = {scheduled(0, 2, 2.0, 4.0)};
  const Answers a = answers(net, "A:C");
  check_twice(a, "gauge-change tracks at B", Limit::Lifts);
  CHECK(a.analytic.resources.front().teu_per_year() == Approx(8760.0));
  CHECK(a.infrastructure.multiplier == Approx(2.0).epsilon(0.01));
}

TEST_CASE("Berths: 8,760 TEU of crane moves a year at each port against 4,380", "[capacity]") {
  // A daily vessel of 100 TEU from P to Q (24 h at sea); a 2-TEU box every 4 h, 4,380 TEU/yr.
  // Each port has one berth with one crane of 1 move an hour: 8,760 moves a year, loading at
  // P and unloading at Q, twice the demand.
  Network net;
  net.name = "sea";
  net.nodes = {node("P", NodeKind::Seaport), node("Q", NodeKind::Seaport)};
  Seaport port;
  port.moves_per_crane = PerHour(1.0);
  net.nodes[0].seaport = port;
  net.nodes[1].seaport = port;
  Link sea;
  sea.id = "P-Q";
  sea.from = 0;
  sea.to = 1;
  sea.mode = Mode::Sea;
  sea.length = Km(500.0);
  sea.running_time = DistributionSpec::fixed(24.0);
  net.links = {sea};
  Service v;
  v.id = "ship";
  v.mode = Mode::Sea;
  v.route = {0, 1};
  v.legs = {0};
  v.vehicle.type = VehicleType::Vessel;
  v.vehicle.capacity = Teu(100.0);
  v.schedule.kind = Schedule::Kind::Interval;
  v.schedule.every = Hours(24.0);
  net.services = {v};
  net.demand = {scheduled(0, 1, 2.0, 4.0)};
  const Answers a = answers(net, "P:Q");
  REQUIRE(a.analytic.resources.size() >= 2);
  CHECK(a.analytic.resources[1].limit == Limit::Berths);
  CHECK(a.analytic.resources[1].multiplier == Approx(2.0).epsilon(0.01));
  check_twice(a, a.analytic.resources.front().name, Limit::Berths);
  // The graph leaves out the ends' facilities (the question is what lies between them).
  CHECK(a.infrastructure.unbounded);
}

TEST_CASE("A run at 90% of the simulated capacity is not overloaded; at 120% it is", "[capacity]") {
  // The quota corridor with random (Poisson) arrivals and three replications.
  Network net = road_through_k(4.0);
  net.demand[0].arrivals = ArrivalProcess::Poisson;
  RoadCheckpoint cp;
  cp.lanes = 2;
  cp.daily_quota = PerHour(12.0 / 24.0);
  net.nodes[1].road_checkpoint = cp;
  SimulationOptions o = year();
  o.replications = 3;
  const FlowSet set = find_od(net, "A:D");
  const SimulatedCapacity c = simulated_capacity(net, set, o, StabilityOptions{});
  REQUIRE(c.all(StabilitySearch::Outcome::Found));
  CHECK(c.multiplier.mean < 2.0); // random arrivals queue before the quota is all used
  CHECK(c.multiplier.mean > 1.5);
  CHECK(c.binding == "queue at road checkpoint at K");
  auto run = [&](double m) {
    Network scaled = net;
    scale_demand(scaled, set.flows, m);
    return simulate(scaled, o);
  };
  CHECK(run(0.9 * c.multiplier.mean).overloads.empty());
  CHECK_FALSE(run(1.2 * c.multiplier.mean).overloads.empty());
}
