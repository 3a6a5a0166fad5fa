// Facilities of the corridor model: wagon pools, road checkpoints, customs where vehicles pass,
// at changes of ride, at ports and at the ends of runs.
#include "corsim/io/load.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {
const FacilityResult &facility(const SimulationResults &r, NodeIndex n, FacilityKind k) {
  for (const FacilityResult &f : r.facilities)
    if (f.node == n && f.kind == k)
      return f;
  FAIL("no such facility");
  return r.facilities.front();
}
} // namespace

TEST_CASE("A wagon pool that runs short holds trains at the gauge change", "[model][gauge]") {
  Network net = line(50); // 14 TEU a week = 7 onward wagons per train; lifting takes 1.4 h
  GaugeChange &g = *net.nodes[1].gauge_change;
  g.wagon_pool = 7;
  g.teu_per_wagon = Teu(2.0);
  SECTION("wagons back within the week: no wait") {
    g.wagon_turnaround = Hours(100.0);
    const SimulationResults r = simulate(net, options(70.0, 14.0));
    CHECK(cause(r.od[0], WaitCause::GaugeQueue) == Approx(0.0));
    // 7 wagons out from the start of lifting to 100 h after the train leaves, every 168 h.
    CHECK(facility(r, 1, FacilityKind::WagonPool).utilisation.mean ==
          Approx((1.4 + 100.0) / 168.0));
  }
  SECTION("wagons back after 200 h: the pool sets the pace, one train per 201.4 h") {
    g.wagon_turnaround = Hours(200.0);
    std::vector<double> leave_b;
    SimulationOptions o = options(70.0);
    o.trace = [&leave_b](const TraceEvent &e) {
      if (e.kind == TraceEvent::Kind::Departed && e.node == 1)
        leave_b.push_back(e.time);
    };
    const SimulationResults r = simulate(net, o);
    // Train 1 (2 TEU) leaves B at 10 + 10 + 4 + 0.2 h; each later one waits for the wagons
    // of the one before: back 200 h after it left, then 1.4 h of lifting.
    REQUIRE(leave_b.size() >= 6);
    for (std::size_t k = 0; k < leave_b.size(); ++k)
      CHECK(leave_b[k] == Approx(24.2 + 201.4 * static_cast<double>(k)).margin(1e-6));
    CHECK(facility(r, 1, FacilityKind::WagonPool).mean_wait.mean > 0.0);
    CHECK(r.bottlenecks.front().what == "wagon pool at B");
  }
}

TEST_CASE("A road checkpoint admits no more trucks a day than its quota", "[model][road]") {
  Network net = truck_road();
  RoadCheckpoint cp;
  cp.lanes = 10;
  cp.time = DistributionSpec::fixed(0.5);
  cp.daily_quota = PerHour(2.0 / 24.0); // 2 trucks a day
  net.nodes[1].road_checkpoint = cp;
  net.demand = {scheduled(0, 1, 2.0, 6.0)}; // 4 full trucks a day
  const SimulationResults r = simulate(net, options(100.0));
  const FacilityResult &k = facility(r, 1, FacilityKind::RoadCheckpoint);
  // Days 0 to 100 inclusive: 2 trucks on each of 100 days, and 2 at the very end.
  CHECK(k.visits_per_year.mean * 100.0 / 365.0 == Approx(202.0));
  CHECK(k.max_queue.mean > 100.0); // the queue grows by 2 trucks a day
  CHECK(r.replications[0].teu.imbalance() == Approx(0.0).margin(1e-9));
}

TEST_CASE("Customs clears vehicles at the stops they pass and at the ends only when asked",
          "[model][customs]") {
  Network net = line(50);
  Customs at_c;
  at_c.time = DistributionSpec::fixed(3.0);
  net.nodes[2].customs = at_c; // C: the train's last stop
  SimulationOptions o = options(70.0, 14.0);
  const double base = cause(simulate(net, o).od[0], WaitCause::Customs);
  CHECK(base == Approx(4.0));
  o.customs_at_ends = true;
  CHECK(cause(simulate(net, o).od[0], WaitCause::Customs) == Approx(4.0 + 3.0));
}

TEST_CASE("Customs per box clears each TEU aboard, one after another", "[model][customs]") {
  // The weekly train (Mondays 10:00) carries the seven 2-TEU boxes of the week before: 14 TEU.
  // Customs at B, 4 h a clearance on one lane: per vehicle 4 h, per box 14 × 4 = 56 h.
  Network net = line(50);
  const SimulationOptions o = options(70.0, 14.0);
  CHECK(cause(simulate(net, o).od[0], WaitCause::Customs) == Approx(4.0));
  net.nodes[1].customs->per_box = true;
  CHECK(cause(simulate(net, o).od[0], WaitCause::Customs) == Approx(56.0));
}

TEST_CASE("Links with few paths or a single track make trains wait", "[model][link]") {
  Network net = line(50);
  Service second = net.services[0];
  second.id = "train 2"; // leaves at the same time as the first
  net.services.push_back(second);
  const auto link_facility = [](const SimulationResults &r, FacilityKind k) {
    for (const FacilityResult &f : r.facilities)
      if (f.kind == k && f.link == 0)
        return f;
    FAIL("no such link facility");
    return FacilityResult{};
  };
  SECTION("one path a day: the second train enters A-B 24 h after the first") {
    net.links[0].capacity = PerHour(1.0 / 24.0);
    const SimulationResults r = simulate(net, options(70.0, 14.0));
    CHECK(link_facility(r, FacilityKind::LinkPaths).mean_wait.mean == Approx(12.0));
    CHECK(link_facility(r, FacilityKind::LinkPaths).max_queue.mean == 1.0);
  }
  SECTION("a single track: the second train waits the first one's 10 h on it") {
    net.links[0].single_track = true;
    const SimulationResults r = simulate(net, options(70.0, 14.0));
    const FacilityResult f = link_facility(r, FacilityKind::SingleTrack);
    CHECK(f.mean_wait.mean == Approx(5.0));
    CHECK(f.utilisation.mean == Approx(20.0 / 168.0));
  }
}

TEST_CASE("A box changing trains at a border clears customs once and is lifted across",
          "[model][customs][gauge]") {
  // line(), split at B: "in" runs A-B (1435 mm) on Mondays at 10:00, "out" B-C (1520 mm) on
  // Wednesdays at 10:00 (58 h). A box ready at 0 h reaches B at 20 h, clears 4 h on "in", is
  // lifted across on the yard's track (2 TEU at 10 TEU/h: 0.2 h, as on the through train),
  // waits for "out" and is at C at 58 + 20 = 78 h; "out" clears nothing at B (its first stop,
  // not a border it passes).
  const SimulationResults through = simulate(line(50), options(6.0));
  CHECK(cause(through.od[0], WaitCause::Transfer) == Approx(0.2));
  Network net = line(50);
  Service in = net.services[0], out = in;
  in.id = "in";
  in.route = {0, 1};
  in.legs = {0};
  out.id = "out";
  out.route = {1, 2};
  out.legs = {1};
  out.schedule.weekly = {Hours(58.0)};
  net.services = {in, out};
  const SimulationResults r = simulate(net, options(6.0));
  CHECK(cause(r.od[0], WaitCause::Customs) == Approx(4.0));
  CHECK(cause(r.od[0], WaitCause::Transfer) == Approx(0.2));
  CHECK(r.od[0].transit_max.mean == Approx(78.0));
  CHECK(facility(r, 1, FacilityKind::GaugeTracks).visits_per_year.mean * 6.0 / 365.0 ==
        Approx(1.0));
  // One visit in the 6 days: the "in" train.
  CHECK(facility(r, 1, FacilityKind::Customs).visits_per_year.mean * 6.0 / 365.0 == Approx(1.0));
}

TEST_CASE("A vessel clears customs once per port call, on leaving and on arriving",
          "[model][customs][teaching]") {
  // Teaching corridor: A-Q boxes ride a truck A-K-P and the Thursday 18:00 ship P-Q. Customs
  // at P (10 h) and Q (5 h), one lane: the ship clears 10 h at P after loading and 5 h at Q
  // before unloading, so every A-Q box spends 15 h in customs; the A-C trains are unchanged.
  Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  const SimulationOptions o = options(120.0, 10.0);
  const SimulationResults base = simulate(net, o);
  const auto at = [&](const char *id) {
    return static_cast<NodeIndex>(std::find_if(net.nodes.begin(), net.nodes.end(),
                                               [&](const Node &n) { return n.id == id; }) -
                                  net.nodes.begin());
  };
  Customs c;
  c.time = DistributionSpec::fixed(10.0);
  net.nodes[at("P")].customs = c;
  c.time = DistributionSpec::fixed(5.0);
  net.nodes[at("Q")].customs = c;
  const SimulationResults r = simulate(net, o);
  for (std::size_t f = 0; f < r.od.size(); ++f) {
    INFO(r.od[f].flow);
    const bool by_sea = cause(base.od[f], WaitCause::SeaPassage) > 0.0;
    CHECK(cause(base.od[f], WaitCause::Customs) + (by_sea ? 15.0 : 0.0) ==
          Approx(cause(r.od[f], WaitCause::Customs)));
  }
  // One ship a week, clearing once at P and once at Q. Measured days 10 to 130; the ships
  // leave P on days 3.75 + 7k, so k = 1..18 clear at P; at sea 1000 nm / 12 kn = 83.3 h, they
  // reach Q on days 7.6 + 7k, so k = 1..17 clear at Q.
  const auto visits = [&](const char *id) {
    return facility(r, at(id), FacilityKind::Customs).visits_per_year.mean * 120.0 / 365.0;
  };
  CHECK(visits("P") == Approx(18.0));
  CHECK(visits("Q") == Approx(17.0));
}
