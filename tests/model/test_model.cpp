// The corridor model against hand calculation, capacity limits, conservation and determinism.
#include "model_fixtures.hpp"

#include "corsim/io/load.hpp"
#include "corsim/model/simulation.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

/// Per consignment: ready and delivery times, and per trip: the TEU that left each stop.
struct Recorder {
  std::map<std::uint64_t, double> ready, delivered;
  std::map<std::uint64_t, double> boarded_trip; // consignment -> trip
  std::map<std::uint64_t, double> trip_teu;     // trip -> TEU boarded in total
  double max_departing = 0.0;
  TraceSink sink() {
    return [this](const TraceEvent &e) {
      if (e.kind == TraceEvent::Kind::Ready)
        ready[e.consignment] = e.time;
      if (e.kind == TraceEvent::Kind::Delivered)
        delivered[e.consignment] = e.time;
      if (e.kind == TraceEvent::Kind::Boarded) {
        boarded_trip[e.consignment] = static_cast<double>(e.trip);
        trip_teu[e.trip] += e.teu;
      }
      if (e.kind == TraceEvent::Kind::Departed)
        max_departing = std::max(max_departing, e.teu);
    };
  }
};

Network teaching() {
  return io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
}

} // namespace

TEST_CASE("Transit time is the sum of legs and timetable waits, exactly", "[model][hand]") {
  Network net = line(50);
  Recorder rec;
  SimulationOptions o = options(35.0);
  o.trace = rec.sink();
  const SimulationResults r = simulate(net, o);
  REQUIRE(rec.delivered.size() >= 28);
  for (const auto &[id, done] : rec.delivered) {
    const double ready = rec.ready.at(id);
    // Wait for Monday 10:00, then 10 h + 4 h customs + lifting + 20 h.
    const double wait = std::fmod(10.0 - std::fmod(ready, 168.0) + 168.0, 168.0);
    const double lifting =
        rec.trip_teu.at(static_cast<std::uint64_t>(rec.boarded_trip.at(id))) / 10.0;
    CHECK(done - ready == Approx(wait + 10.0 + 4.0 + lifting + 20.0).margin(1e-6));
  }
  SECTION("the causes add up: rail 30 h and customs 4 h for every consignment") {
    const OdResult &od = r.od[0];
    CHECK(cause(od, WaitCause::RailRunning) == Approx(30.0));
    CHECK(cause(od, WaitCause::Customs) == Approx(4.0));
    CHECK(cause(od, WaitCause::SeaPassage) == 0.0);
    double sum = 0.0;
    for (const Estimate &e : od.wait_hours)
      sum += e.mean;
    CHECK(sum == Approx(od.transit_mean.mean));
  }
  SECTION("every train after the first carries the 7 consignments of a week") {
    CHECK(r.services[0].departures_per_year.mean == Approx(5 * 365.0 / 35.0));
    for (const auto &[trip, teu] : rec.trip_teu)
      CHECK(teu == (trip == 1 ? 2.0 : 14.0));
  }
}

TEST_CASE("A train of N wagons never carries more than its wagons hold", "[model][capacity]") {
  Network net = line(3); // 6 TEU a week against 14 TEU of demand
  Recorder rec;
  SimulationOptions o = options(70.0, 7.0); // the first train, before the queue, is not measured
  o.trace = rec.sink();
  const SimulationResults r = simulate(net, o);
  CHECK(rec.max_departing == 6.0);
  for (const auto &[trip, teu] : rec.trip_teu)
    CHECK(teu <= 6.0);
  const ServiceResult &s = r.services[0];
  CHECK(s.load_factor.mean == Approx(1.0));
  CHECK(s.rolled_over_teu_per_year.mean > 0.0);
  CHECK(r.od[0].backlog_teu.mean > 50.0); // the queue grows by 8 TEU a week
  CHECK(r.replications[0].teu.imbalance() == Approx(0.0).margin(1e-9));
}

TEST_CASE("A yard of 100 slots never holds 101", "[model][capacity]") {
  Network net = line(3);
  Yard y;
  y.slots = Teu(100.0);
  net.nodes[0].yard = y;
  net.demand[0].size = DistributionSpec::fixed(1.0);
  net.demand[0].volume = TeuPerYear(hours_per_year); // 1 TEU an hour: the yard fills in days
  const SimulationResults r = simulate(net, options(60.0));
  CHECK(r.replications[0].max_yard_teu == 100.0);
  const FacilityResult &yard = r.facilities[0];
  REQUIRE(yard.kind == FacilityKind::Yard);
  CHECK(yard.mean_queue.mean > 0.0); // consignments held outside
  CHECK(yard.mean_wait.mean > 0.0);  // admitted only as trains free slots
  CHECK(r.replications[0].teu.imbalance() == Approx(0.0).margin(1e-6));
}

TEST_CASE("A rail yard does not hold back trucks unless they share it", "[model][capacity]") {
  // The yard test's line, its yard of 100 slots filled by 1 TEU an hour for a train of 6 TEU a
  // week, and a road A-D (2 h) with trucks of 2 TEU leaving when full: a 2-TEU box a day to D
  // leaves at once and arrives 2 h later, unless it waits behind the rail boxes held outside
  // the shared yard.
  Network net = line(3);
  net.nodes[0].yard = Yard{Teu(100.0), {}};
  net.demand[0].size = DistributionSpec::fixed(1.0);
  net.demand[0].volume = TeuPerYear(hours_per_year);
  net.nodes.push_back(node("D", NodeKind::Hub));
  net.links.push_back(road("A-D", 0, 3, 2.0));
  Service truck = truck_road().services[0];
  truck.route = {0, 3};
  truck.legs = {2};
  net.services.push_back(truck);
  DemandFlow to_d = scheduled(0, 3, 2.0, 24.0);
  to_d.id = "to D";
  net.demand.push_back(to_d);
  const SimulationOptions o = options(60.0);
  const OdResult shared = simulate(net, o).od[1];
  CHECK(shared.transit_max.mean > 100.0);
  CHECK(cause(shared, WaitCause::YardFull) > 50.0);
  net.nodes[0].yard->modes = {Mode::Rail};
  const SimulationResults r = simulate(net, o);
  CHECK(r.od[1].transit_max.mean == Approx(2.0));
  CHECK(cause(r.od[1], WaitCause::YardFull) == 0.0);
  CHECK(r.replications[0].max_yard_teu == 100.0); // the rail boxes still fill it
}

TEST_CASE("Every consignment is delivered, in transit or in the backlog", "[model][conservation]") {
  SimulationOptions o = options(365.0, 30.0);
  o.replications = 3;
  const SimulationResults r = simulate(teaching(), o);
  REQUIRE(r.replications.size() == 3);
  for (const ReplicationSummary &rep : r.replications) {
    CHECK(rep.teu.generated > 7000.0);
    CHECK(rep.teu.imbalance() == Approx(0.0).margin(1e-6));
    CHECK(rep.teu.unroutable == 0.0);
  }
}

TEST_CASE("The teaching corridor gives the hand-computed parts of its transit", "[model]") {
  SimulationOptions o = options(365.0, 30.0);
  const SimulationResults r = simulate(teaching(), o);
  const OdResult &ac = r.od[0];
  // A-B 600 km at 60 km/h + B-C 1200 km at 50 km/h; customs 4 h + 10% × 6 h.
  CHECK(cause(ac, WaitCause::RailRunning) == Approx(34.0));
  CHECK(cause(ac, WaitCause::Customs) == Approx(4.6).margin(0.3));
  // Departures Tue and Fri 10:00: Poisson-ready boxes wait (72² + 96²) / (2 × 168) h.
  CHECK(cause(ac, WaitCause::Departure) == Approx(42.86).margin(3.0));
  const OdResult &aq = r.od[1];
  // 1000 nm at 12 kn; 150 km at 50 km/h + 60 km at 40 km/h.
  CHECK(cause(aq, WaitCause::SeaPassage) == Approx(1000 * 1.852 / (12 * 1.852)));
  CHECK(cause(aq, WaitCause::Driving) == Approx(4.5));
  CHECK(ac.on_time_share.mean == Approx(1.0));
}

TEST_CASE("A dispatched truck leaves when full or after its maximum wait", "[model][dispatch]") {
  Network net = truck_road();
  SECTION("one box a day: each waits the full 12 h") {
    net.demand = {scheduled(0, 1, 1.0, 24.0)};
    const SimulationResults r = simulate(net, options(30.0));
    CHECK(r.od[0].transit_mean.mean == Approx(14.0));
    CHECK(r.services[0].load_factor.mean == Approx(0.5));
  }
  SECTION("one box an hour: every second box fills the truck") {
    net.demand = {scheduled(0, 1, 1.0, 1.0)};
    const SimulationResults r = simulate(net, options(30.0));
    CHECK(r.od[0].wait_hours[0].mean == Approx(0.5).margin(0.01));
    CHECK(r.services[0].load_factor.mean == Approx(1.0));
  }
}

TEST_CASE("The same seed gives the same results and another seed gives others",
          "[model][determinism]") {
  SimulationOptions o = options(120.0, 10.0);
  o.replications = 2;
  const Network net = teaching();
  const SimulationResults a = simulate(net, o);
  const SimulationResults b = simulate(net, o);
  for (std::size_t i = 0; i < a.od.size(); ++i) {
    CHECK(a.od[i].transit_mean.mean == b.od[i].transit_mean.mean);
    CHECK(a.od[i].transit_p95.mean == b.od[i].transit_p95.mean);
    CHECK(a.od[i].delivered_teu_per_year.mean == b.od[i].delivered_teu_per_year.mean);
  }
  for (std::size_t i = 0; i < a.replications.size(); ++i)
    CHECK(a.replications[i].events == b.replications[i].events);
  o.seed = 8;
  const SimulationResults c = simulate(net, o);
  CHECK(c.od[0].transit_mean.mean != a.od[0].transit_mean.mean);
}

TEST_CASE("Options are checked before anything runs", "[model]") {
  SimulationOptions o;
  o.replications = 0;
  CHECK_THROWS(simulate(line(1), o));
  o.replications = 1;
  o.horizon = Hours(-1.0);
  CHECK_THROWS(simulate(line(1), o));
}
