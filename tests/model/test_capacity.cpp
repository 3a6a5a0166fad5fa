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

} // namespace

TEST_CASE("An origin-destination's flows are found by node names", "[capacity]") {
  const Network net = weekly_line();
  const OdFlows od = find_od(net, "A:C");
  CHECK(od.from == 0);
  CHECK(od.to == 2);
  CHECK(od.flows == std::vector<FlowIndex>{0});
  CHECK(od.demand.value() == Approx(730.0));
  SECTION("without a colon, an unknown node or no flow, it is an input error") {
    CHECK_THROWS_WITH(find_od(net, "AC"), Catch::Contains("expected ORIGIN:DESTINATION"));
    CHECK_THROWS_AS(find_od(net, "A:Q"), InputError);
    CHECK_THROWS_WITH(find_od(net, "A:Q"), Catch::Contains("unknown node 'Q'"));
    CHECK_THROWS_WITH(find_od(net, "C:A"), Catch::Contains("no demand flow from C to A"));
  }
}

TEST_CASE("The analytic bound is the train's TEU a year over the demand", "[capacity]") {
  const Network net = weekly_line();
  const OdFlows od = find_od(net, "A:C");
  const SimulationResults base = simulate(net, year());
  // 52 departures in 364 measured days: 52 × 365 / 364 = 365 / 7 departures a year, × 20 TEU
  // = 7300 / 7 = 1042.857 TEU/yr. The box's one route takes the train (share 1), so the load
  // per unit of demand is 730 TEU/yr, and the bound is (7300 / 7) / 730 = 10 / 7 = 1.4286:
  // the week's 20 TEU over its 14.
  const AnalyticBound b = analytic_bound(net, base, od);
  CHECK(b.resource == "service train");
  CHECK(b.capacity.value() == Approx(7300.0 / 7.0));
  CHECK(b.other_load.value() == Approx(0.0));
  CHECK(b.load_per_unit.value() == Approx(730.0));
  CHECK(b.multiplier == Approx(10.0 / 7.0));
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
  SECTION("without link capacities it is unbounded") {
    Network open = net;
    for (Link &l : open.links)
      l.capacity = PerHour(0.0);
    const NetworkBound u = network_bound(open, find_od(open, "A:C"));
    CHECK(u.unbounded);
    CHECK(u.multiplier == std::numeric_limits<double>::infinity());
  }
}

TEST_CASE("The simulated saturation point of one weekly train brackets the analytic bound",
          "[capacity]") {
  const Network net = weekly_line();
  const OdFlows od = find_od(net, "A:C");
  const SaturationResult r = saturation_search(net, od, year(), SaturationOptions{});
  // Below 10/7 × the demand each Monday's train clears the queue: the backlog stays under one
  // week of demand (two make a saturated run) and all is delivered, so no run at or below
  // 10/7 saturates and the search ends within one bisection step (1/64) under it. Above,
  // the 53 weeks' trains carry at most 53 × 20 = 1060 TEU of the 2 × 371 × m TEU offered;
  // the backlog passes two weeks of demand (28 m TEU) once 742 m - 1060 > 28 m, m > 1.4846
  // = 1.039 × 10/7. So the point lies between 10/7 - 1/64 and 1.05 × 10/7. (It is found at
  // 1.453125 = 1 + 29/64, saturated at 1.46875: the first Monday's train leaves nearly empty.)
  const double analytic = 10.0 / 7.0;
  REQUIRE(r.outcome == SaturationResult::Outcome::Found);
  CHECK(r.multiplier >= analytic - 1.0 / 64.0);
  CHECK(r.multiplier <= 1.05 * analytic);
  CHECK(r.saturated.multiplier - r.multiplier == Approx(1.0 / 64.0));
  CHECK(r.saturated.verdict == SaturationProbe::Verdict::Backlog);
  // Doubling: 1× (not saturated), 2× (saturated); then six bisections.
  REQUIRE(r.probes.size() == 8);
  CHECK_FALSE(r.probes[0].saturated());
  CHECK(r.probes[0].delivered.value() == Approx(730.0).epsilon(0.05));
  CHECK(r.probes[1].saturated());
  CHECK(explain_capacity(analytic, 10.0, r.multiplier)
            .find("max-flow is higher than the analytic bound") != std::string::npos);
}

TEST_CASE("A p95 target the timetable cannot meet is not a capacity", "[capacity]") {
  const Network net = weekly_line();
  const OdFlows od = find_od(net, "A:C");
  SaturationOptions o;
  o.p95_days = 1.0; // the train alone runs 30 h
  std::vector<double> asked;
  const SaturationResult r = saturation_search(
      od,
      [&](double m) {
        asked.push_back(m);
        Network scaled = net;
        scaled.demand[0].volume = TeuPerYear(730.0 * m);
        return simulate(scaled, year());
      },
      o);
  CHECK(r.outcome == SaturationResult::Outcome::TargetUnmet);
  CHECK(r.multiplier == 0.0);
  CHECK(r.saturated.verdict == SaturationProbe::Verdict::SlowP95);
  CHECK(asked == std::vector<double>{1.0, 0.1});
  CHECK(explain_capacity(1.4, 10.0, 0.0).rfind("- the simulated target is not", 0) == 0);
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

TEST_CASE("The library's saturation search on a loaded network matches the one that is given "
          "its runs",
          "[capacity][whatif]") {
  const Network net = weekly_line();
  const OdFlows od = find_od(net, "A:C");
  SaturationOptions s;
  s.steps = 3;
  const SaturationResult in_memory = saturation_search(net, od, year(), s);
  const SaturationResult given = saturation_search(
      od,
      [&](double m) {
        Network scaled = net;
        scaled.demand[0].volume = TeuPerYear(730.0 * m);
        return simulate(scaled, year());
      },
      s);
  CHECK(in_memory.multiplier == given.multiplier);
  CHECK(in_memory.probes.size() == given.probes.size());
}

TEST_CASE("Departures are multiplied in memory: the analytic capacity follows by hand",
          "[capacity][whatif]") {
  Network net = weekly_line();
  SECTION("a weekly train twice a week: Mondays 10:00 and, half a week later, Thursdays 22:00") {
    scale_departures(net, 0, 2.0);
    REQUIRE(net.services[0].schedule.weekly.size() == 2);
    CHECK(net.services[0].schedule.weekly[1].value() == 94.0); // 10 h + 168 h / 2
    // 104 departures of 20 TEU in the 364 measured days: 2,085.7 TEU/yr over 730 = 20/7.
    const SimulationResults base = simulate(net, year());
    CHECK(analytic_bound(net, base, find_od(net, "A:C")).multiplier == Approx(20.0 / 7.0));
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
