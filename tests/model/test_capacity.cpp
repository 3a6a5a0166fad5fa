// The capacity of an origin–destination, three ways (corsim/model/capacity.hpp), against
// hand calculations on a line with one weekly train.
#include "model_fixtures.hpp"

#include "corsim/error.hpp"
#include "corsim/model/capacity.hpp"
#include "corsim/model/whatif.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

/// A --10 h rail, 1 path a day-- B --20 h rail, 2 paths a day-- C, standard gauge, no
/// facilities at B. One train of 10 wagons × 2 TEU = 20 TEU leaves A for C on Mondays at
/// 10:00. Demand A -> C: one 2 TEU box every 24 h = 2 × 8760 / 24 = 730 TEU/yr, i.e. 14 TEU
/// a week against the train's 20.
Network weekly_line() {
  Network net = line(10); // the model tests' line, less its border's facilities
  net.name = "weekly line";
  net.nodes[1].customs.reset();
  net.nodes[1].gauge_change.reset();
  net.links[1].gauge = Gauge::Standard;
  net.links[0].capacity = PerHour(1.0 / 24.0);
  net.links[1].capacity = PerHour(2.0 / 24.0);
  return net;
}

/// 52 weeks measured after one week of warm-up: 53 weeks in all. One replication, earliest
/// arrival: everything is deterministic.
SimulationOptions year() { return options(364.0, 7.0); }

/// The train's seats: 1 departure a week × 365 / 7 × 20 TEU = 7300 / 7 = 1042.857 TEU/yr.
constexpr double seats = 7300.0 / 7.0;

/// A run at `m` × the demand of the weekly line.
SimulationResults at(const Network &net, double m) {
  Network scaled = net;
  scale_demand(scaled, {0}, m);
  return simulate(scaled, year());
}

} // namespace

TEST_CASE("An origin-destination's flows are found by node names", "[capacity]") {
  const Network net = weekly_line();
  const FlowSet od = find_od(net, "A:C");
  CHECK(od.from == 0);
  CHECK(od.to == 2);
  CHECK(od.flows == std::vector<FlowIndex>{0});
  CHECK(od.demand.value() == Approx(730.0));
  CHECK(od.label == "A → C");
  SECTION("without a colon, an unknown node or no flow, it is an input error") {
    CHECK_THROWS_WITH(find_od(net, "AC"), Catch::Contains("expected ORIGIN:DESTINATION"));
    CHECK_THROWS_AS(find_od(net, "A:Q"), InputError);
    CHECK_THROWS_WITH(find_od(net, "A:Q"), Catch::Contains("unknown node 'Q'"));
    CHECK_THROWS_WITH(find_od(net, "C:A"), Catch::Contains("no demand flow from C to A"));
  }
  SECTION("the flows through a node are those whose routes pass it in a run") {
    const SimulationResults base = simulate(net, year());
    const FlowSet through = flows_through(net, base, "B");
    CHECK(through.flows == std::vector<FlowIndex>{0});
    CHECK(through.through == NodeIndex{1});
    CHECK(through.label == "through B");
    CHECK(route_nodes(net, base.od[0].routes.at(0).services, 0, 2) ==
          std::vector<NodeIndex>{0, 1, 2});
  }
}

TEST_CASE("A route's nodes include those of its trucks on demand", "[capacity]") {
  // A --rail-- B --road-- D: the train A -> B, then a truck on demand B -> D (the model's
  // service 1, after the network's one service).
  Network net = weekly_line();
  net.nodes[2].id = "D";
  net.links[1] = road("B-D", 1, 2, 3.0);
  net.services[0].route = {0, 1};
  net.services[0].legs = {0};
  REQUIRE(model_services(net).size() == 3); // the truck both ways
  CHECK(route_nodes(net, {0, 1}, 0, 2) == std::vector<NodeIndex>{0, 1, 2});
  CHECK(route_nodes(net, {2}, 2, 1) == std::vector<NodeIndex>{2, 1});
}

TEST_CASE("The analytic capacity is the train's seats over the demand", "[capacity]") {
  const Network net = weekly_line();
  const FlowSet od = find_od(net, "A:C");
  // The box's one route takes the train: 730 TEU/yr at 1×, 365 at 0.5×, so 730 more per 1×.
  // The seats fill at 1 + (7300/7 - 730) / 730 = 10/7: the week's 20 TEU over its 14. The
  // train's paths (1 a day on A-B) carry its 52 trains whatever the demand: not loaded.
  const AnalyticCapacity a = analytic_capacity(net, od, year(), at(net, 1.0), at(net, 0.5), 0.5);
  REQUIRE(a.resources.size() == 1);
  const ResourceCapacity &r = a.resources[0];
  CHECK(r.name == "service train");
  CHECK(r.limit == Limit::Seats);
  CHECK(r.capacity == Approx(seats));
  CHECK(r.teu_per_year() == Approx(seats));
  CHECK(r.vehicles_per_day() == Approx(1.0 / 7.0));
  CHECK(r.load == Approx(730.0).epsilon(0.02));
  CHECK(r.marginal == Approx(730.0).epsilon(0.02));
  CHECK(a.multiplier == Approx(10.0 / 7.0).epsilon(0.02));
}

TEST_CASE("The network bound is the minimum cut over the demand", "[capacity]") {
  const Network net = weekly_line();
  // A-B: 1 path a day × 20 TEU (the train on it) × 365 = 7300 TEU/yr; B-C: 14600 TEU/yr;
  // B has no facilities. The minimum cut is A-B: 7300 / 730 = 10× the demand.
  const NetworkBound b = network_bound(net, find_od(net, "A:C"));
  REQUIRE_FALSE(b.unbounded);
  CHECK(b.max_flow.value() == Approx(7300.0));
  REQUIRE(b.min_cut.size() == 1);
  CHECK(b.min_cut[0].is_link);
  CHECK(b.min_cut[0].link == 0);
  CHECK(b.multiplier == Approx(10.0));
  SECTION("through B: the lesser of what reaches B and what leaves it") {
    FlowSet through = find_od(net, "A:C");
    through.through = 1;
    CHECK(network_bound(net, through).multiplier == Approx(10.0));
  }
  SECTION("without link capacities it is unbounded") {
    Network open = net;
    for (Link &l : open.links)
      l.capacity = PerHour(0.0);
    const NetworkBound u = network_bound(open, find_od(open, "A:C"));
    CHECK(u.unbounded);
    CHECK(u.multiplier == std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("The simulated capacity of one weekly train brackets the analytic bound", "[capacity]") {
  const Network net = weekly_line();
  const FlowSet od = find_od(net, "A:C");
  const SimulatedCapacity c = simulated_capacity(net, od, year(), StabilityOptions{});
  // Below 10/7 × the demand each Monday's train clears the queue: nothing grows and the
  // backlog stays under one week of demand, so no run at or below 10/7 is unstable and the
  // search ends within one bisection step (1/64) under it. Above, the 53 weeks' trains carry
  // at most 53 × 20 = 1060 TEU of the 2 × 371 × m TEU offered; the backlog passes two weeks
  // of demand (28 m TEU) once 742 m - 1060 > 28 m, m > 1.4846 = 1.039 × 10/7.
  const double analytic = 10.0 / 7.0;
  REQUIRE(c.searches.size() == 1);
  const StabilitySearch &s = c.searches[0];
  REQUIRE(s.outcome == StabilitySearch::Outcome::Found);
  CHECK(s.multiplier >= analytic - 1.0 / 64.0);
  CHECK(s.multiplier <= 1.05 * analytic);
  CHECK(s.unstable.multiplier - s.multiplier == Approx(1.0 / 64.0));
  CHECK_FALSE(s.unstable.stable());
  CHECK(c.multiplier.mean == s.multiplier);
  CHECK(c.multiplier.n == 1);
  // Doubling: 1× (stable), 2× (unstable); then six bisections.
  REQUIRE(s.probes.size() == 8);
  CHECK(s.probes[0].stable());
  CHECK(s.probes[0].delivered.value() == Approx(730.0).epsilon(0.05));
  CHECK_FALSE(s.probes[1].stable());
}

TEST_CASE("A crossing's capacity is that of its own resources", "[capacity]") {
  // The weekly line with customs at B clearing each TEU in 1 h on one lane: 8,760 TEU/yr,
  // 12× the 730 TEU/yr through B. The train's seats fill first, at 10/7: a limit of the
  // route, not of B, which the analytic and network answers leave aside for B's own.
  Network net = weekly_line();
  Customs c;
  c.per_box = true;
  c.time = DistributionSpec::fixed(1.0);
  net.nodes[1].customs = c;
  const SimulationResults base = at(net, 1.0);
  const FlowSet through = flows_through(net, base, "B");
  const AnalyticCapacity a = analytic_capacity(net, through, year(), base, at(net, 0.5), 0.5);
  REQUIRE(a.resources.size() == 2);
  CHECK(a.resources[0].name == "service train");
  CHECK(a.binding == 1);
  CHECK(a.resources[1].name == "customs at B");
  CHECK(a.resources[1].teu_per_year() == Approx(8760.0));
  CHECK(a.multiplier == Approx(12.0).epsilon(0.02));
  CHECK(service_bound(net, through, a.measured).multiplier == Approx(12.0).epsilon(0.02));
  // The simulation cannot load B past what the train brings: its queue never grows.
  StabilityOptions o;
  o.max_multiplier = 16.0;
  const SimulatedCapacity sim = simulated_capacity(net, through, year(), o);
  CHECK(sim.all(StabilitySearch::Outcome::NotFound));
  const std::string why = explain_capacity(a, ServiceBound{}, sim);
  CHECK_THAT(why, Catch::Contains("- service train fills at 1.4×, before any resource of the "
                                  "crossing"));
  CHECK_THAT(why, Catch::Contains("no limit below the largest multiplier tried"));
}

TEST_CASE("A p95 target the timetable cannot meet is not a capacity", "[capacity]") {
  const Network net = weekly_line();
  const FlowSet od = find_od(net, "A:C");
  StabilityOptions o;
  o.p95_days = 1.0; // the train alone runs 30 h
  std::vector<double> asked;
  const SimulatedCapacity c = simulated_capacity(
      od,
      [&](double m, int replication) {
        CHECK(replication == 0);
        asked.push_back(m);
        return at(net, m);
      },
      1, o);
  CHECK(c.all(StabilitySearch::Outcome::NoCapacity));
  CHECK(c.multiplier.mean == 0.0);
  CHECK(c.searches[0].unstable.verdict == StabilityProbe::Verdict::SlowP95);
  CHECK(asked == std::vector<double>{1.0, 0.1});
  CHECK(explain_capacity(AnalyticCapacity{}, ServiceBound{}, c).rfind("- unstable even", 0) == 0);
  SECTION("when some searches meet it, the target is named as the limit") {
    SimulatedCapacity mixed = c;
    mixed.searches.push_back(c.searches[0]);
    mixed.searches[1].outcome = StabilitySearch::Outcome::Found;
    mixed.binding = "p95 over the target";
    CHECK(explain_capacity(AnalyticCapacity{}, ServiceBound{}, mixed) ==
          "- the p95 target binds, not a resource: the bounds know no target. 1 of 2 searches "
          "found no demand that meets it (their 0 is in the mean): a target near what the "
          "timetable gives at any load.\n");
  }
}

TEST_CASE("Demand is scaled in memory within the loader's limits", "[capacity][whatif]") {
  Network net = weekly_line();
  SECTION("the volume is multiplied") {
    scale_demand(net, {0}, 2.5);
    CHECK(net.demand[0].volume.value() == Approx(730.0 * 2.5)); // 1,825 TEU/yr
  }
  SECTION("a factor that is not positive and finite is refused, the network unchanged") {
    for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity()})
      CHECK_THROWS_AS(scale_demand(net, {0}, bad), InputError);
    CHECK(net.demand[0].volume.value() == Approx(730.0));
  }
  SECTION("more than a million consignments a year is refused, as the loader refuses it") {
    // 730 TEU/yr of 2 TEU boxes is 365 consignments a year: × 3,000 passes 1,000,000.
    CHECK_NOTHROW(scale_demand(net, {0}, 2'700.0));
    CHECK_THROWS_WITH(scale_demand(net, {0}, 3.0), Catch::Contains("1,000,000 consignments"));
    CHECK(net.demand[0].volume.value() == Approx(730.0 * 2'700.0));
  }
}

TEST_CASE("The library's search on a loaded network matches the one that is given its runs, "
          "and the threads do not change it",
          "[capacity][whatif]") {
  const Network net = weekly_line();
  const FlowSet od = find_od(net, "A:C");
  StabilityOptions s;
  s.steps = 3;
  SimulationOptions two = year();
  two.replications = 2;
  const SimulatedCapacity in_memory = simulated_capacity(net, od, two, s);
  s.threads = 2;
  const SimulatedCapacity given = simulated_capacity(
      od,
      [&](double m, int r) {
        Network scaled = net;
        scaled.demand[0].volume = TeuPerYear(730.0 * m);
        SimulationOptions one = year();
        one.first_replication = r;
        return simulate(scaled, one);
      },
      2, s);
  REQUIRE(given.searches.size() == 2);
  CHECK(in_memory.multiplier.mean == given.multiplier.mean);
  CHECK(in_memory.multiplier.half_width == given.multiplier.half_width);
  CHECK(in_memory.searches[1].probes.size() == given.searches[1].probes.size());
}

TEST_CASE("Departures are multiplied in memory: the analytic capacity follows by hand",
          "[capacity][whatif]") {
  Network net = weekly_line();
  SECTION("a weekly train twice a week: Mondays 10:00 and, half a week later, Thursdays 22:00") {
    scale_departures(net, 0, 2.0);
    REQUIRE(net.services[0].schedule.weekly.size() == 2);
    CHECK(net.services[0].schedule.weekly[1].value() == 94.0); // 10 h + 168 h / 2
    // 104 departures of 20 TEU in the 364 measured days: 2,085.7 TEU/yr over 730 = 20/7.
    CHECK(analytic_capacity(net, find_od(net, "A:C"), year(), at(net, 1.0), at(net, 0.5), 0.5)
              .multiplier == Approx(20.0 / 7.0).epsilon(0.02));
  }
  SECTION("three times the departures of Mondays 10:00 and Wednesdays 10:00") {
    net.services[0].schedule.weekly = {Hours(10.0), Hours(58.0)};
    scale_departures(net, 0, 3.0); // gaps of 48 h and 120 h, each cut in three
    std::vector<double> at;
    for (Hours h : net.services[0].schedule.weekly)
      at.push_back(h.value());
    CHECK(at == std::vector<double>{10.0, 26.0, 42.0, 58.0, 98.0, 138.0});
  }
  SECTION("an interval timetable's headway is divided") {
    net.services[0].schedule.kind = Schedule::Kind::Interval;
    net.services[0].schedule.every = Hours(24.0);
    scale_departures(net, 0, 1.5);
    CHECK(net.services[0].schedule.every.value() == Approx(16.0));
  }
  SECTION("what has no such frequency is refused, the network unchanged") {
    CHECK_THROWS_WITH(scale_departures(net, 0, 1.5), Catch::Contains("whole number"));
    CHECK_THROWS_AS(scale_departures(net, 0, 0.0), InputError);
    net.services[0].schedule.kind = Schedule::Kind::Dispatch;
    CHECK_THROWS_WITH(scale_departures(net, 0, 2.0), Catch::Contains("dispatch"));
    CHECK(net.services[0].schedule.weekly.size() == 1);
  }
}

TEST_CASE("Facility units are set in memory within the loader's range", "[capacity][whatif]") {
  Network net = weekly_line();
  net.nodes[1].customs = Customs{};
  set_facility_units(net, 1, FacilityKind::Customs, 3);
  CHECK(net.nodes[1].customs->lanes == 3);
  CHECK_THROWS_WITH(set_facility_units(net, 1, FacilityKind::Berths, 2),
                    Catch::Contains("node B has no berths"));
  CHECK_THROWS_WITH(set_facility_units(net, 1, FacilityKind::Customs, 0),
                    Catch::Contains("1 to 100000"));
  CHECK_THROWS_WITH(set_facility_units(net, 1, FacilityKind::Yard, 5),
                    Catch::Contains("no units to set"));
  CHECK(net.nodes[1].customs->lanes == 3);
}
