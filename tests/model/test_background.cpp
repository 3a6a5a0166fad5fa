// Background traffic at a shared border against queueing theory, its conservation, and fleets
// that run out and back (rotation bound, empty running, loaded share of the return).
#include "model_fixtures.hpp"

#include "corsim/routing_graph.hpp"
#include "corsim/timetable.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

const FacilityResult &customs_at_b(const SimulationResults &r) {
  for (const FacilityResult &f : r.facilities)
    if (f.node == 1 && f.kind == FacilityKind::Customs)
      return f;
  FAIL("no customs at B");
  return r.facilities.front();
}

/// Other origins' trains through the line's border B: Poisson, `per_hour`, 1 TEU each.
BackgroundTraffic through_b(double per_hour) {
  BackgroundTraffic b;
  b.service.id = "other-trains";
  b.service.name = b.service.id;
  b.service.mode = Mode::Rail;
  b.service.vehicle.type = VehicleType::Train;
  b.service.route = {0, 1, 2};
  b.service.legs = {0, 1};
  b.per_hour = PerHour(per_hour);
  b.load = DistributionSpec::fixed(1.0);
  return b;
}

/// M/D/1: mean wait in queue at arrival rate `lambda` (per hour) and service time `d` (hours).
double md1_wait(double lambda, double d) {
  const double rho = lambda * d;
  return rho * d / (2.0 * (1.0 - rho));
}

/// M/D/2 by Allen–Cunneen: the M/M/2 wait (Erlang C) times (1 + cs²) / 2, cs² = 0.
double md2_wait(double lambda, double d) {
  const double a = lambda * d; // offered load, erlangs
  const double erlang_c = (a * a / (2.0 - a)) / (1.0 + a + a * a / (2.0 - a));
  return 0.5 * erlang_c / (2.0 / d - lambda);
}

/// `net`'s line with customs at B and other trains through it; the yard lifts so fast that
/// only customs queues. Ten replications of 1,000 days.
SimulationResults shared_border(Network net, int lanes, double bg_per_hour) {
  net.nodes[1].customs->lanes = lanes;
  net.nodes[1].gauge_change->lifts_per_track = PerHour(1e6);
  net.background = {through_b(bg_per_hour)};
  SimulationOptions o = options(1000.0, 20.0);
  o.replications = 10;
  return simulate(net, o);
}

} // namespace

TEST_CASE("Background trains queue at a shared customs post as M/D/1 predicts",
          "[model][background]") {
  // Customs at B: one lane, 4 h per train. Other trains arrive at 0.15 an hour, the line's own
  // train weekly: over all trains lambda = 0.15 + 1/168, rho = 0.624, Wq = rho D / (2 (1 - rho))
  // = 3.32 h (the weekly train, 4 % of arrivals, taken as Poisson too).
  const double lambda = 0.15 + 1.0 / 168.0;
  const SimulationResults r = shared_border(line(50), 1, 0.15);
  const FacilityResult &c = customs_at_b(r);
  CHECK(std::abs(c.mean_wait.mean - md1_wait(lambda, 4.0)) <= c.mean_wait.half_width);
  CHECK(c.utilisation.mean == Approx(lambda * 4.0).epsilon(0.02));
  CHECK(c.background_share.mean == Approx(0.15 / lambda).epsilon(0.01));
  // The own train arrives at a moment independent of the other trains, a week after its last
  // one left: it finds the other trains' time-average work, Wq of M/D/1 at 0.15 an hour
  // (rho = 0.6: 3.0 h), then is cleared in 4 h.
  const Estimate &own = r.od[0].wait_hours[static_cast<int>(WaitCause::Customs)];
  CHECK(std::abs(own.mean - (md1_wait(0.15, 4.0) + 4.0)) <= own.half_width);
  // Background traffic is reported apart: vehicles and TEU a year, not demand.
  REQUIRE(r.background.size() == 1);
  CHECK(r.background[0].vehicles_per_year.mean == Approx(0.15 * hours_per_year).epsilon(0.01));
  CHECK(r.background[0].teu_per_year.mean == Approx(0.15 * hours_per_year).epsilon(0.01));
  // Its trains take 10 h + Wq + 4 h + 20 h through A-B-C.
  CHECK(r.background[0].hours_through.mean == Approx(34.0 + c.mean_wait.mean).epsilon(0.01));
}

TEST_CASE("Cutting a shared border's lanes changes the line's transit as M/D/c predicts",
          "[model][background]") {
  // Two lanes -> one lane: the own train's customs wait (the other trains' time-average work,
  // as above) grows by Wq(M/D/1) - Wq(M/D/2) at 0.15 an hour: 3.0 - 0.20 h.
  const SimulationResults two = shared_border(line(50), 2, 0.15);
  const SimulationResults one = shared_border(line(50), 1, 0.15);
  const double predicted = md1_wait(0.15, 4.0) - md2_wait(0.15, 4.0);
  const Estimate &a = two.od[0].transit_mean, &b = one.od[0].transit_mean;
  CHECK(std::abs((b.mean - a.mean) - predicted) <= std::hypot(a.half_width, b.half_width));
  // Without background traffic the cut changes nothing: the weekly train never queues.
  const SimulationResults alone_two = shared_border(line(50), 2, 1e-9);
  const SimulationResults alone_one = shared_border(line(50), 1, 1e-9);
  CHECK(alone_one.od[0].transit_mean.mean == Approx(alone_two.od[0].transit_mean.mean));
}

TEST_CASE("Background vehicles are conserved and follow their monthly profile",
          "[model][background]") {
  Network net = line(50);
  BackgroundTraffic b = through_b(1.0);
  b.poisson = false; // one an hour, evenly spaced
  b.monthly = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  net.background = {b};
  net.nodes[1].customs->lanes = 10;    // 1 an hour x 4 h: 40 % of ten lanes
  SimulationOptions o = options(60.0); // 2023-01-02 to 2023-03-03: 30 days of January
  const SimulationResults r = simulate(net, o);
  const ReplicationSummary &s = r.replications[0];
  // One an hour from 00:00 on 2 January to 23:00 on 31 January: 720, then none.
  CHECK(s.background_entered == 720);
  CHECK(s.background_left == 720); // each is through in 34 h + its customs
  CHECK(r.background[0].vehicles_per_year.mean * 60.0 / 365.0 == Approx(720.0));
  // Holidays from 2 to 10 January (216 h) stop them: the first enters at 00:00 on the 11th.
  net.background[0].holidays = {TimeWindow{Hours(0.0), Hours(9 * 24.0)}};
  const SimulationResults h = simulate(net, o);
  CHECK(h.replications[0].background_entered == 720 - 9 * 24);
  CHECK(h.replications[0].background_entered ==
        h.replications[0].background_left); // none left in the network at the end
}

namespace {

/// The line run out A -> C and back C -> A every 12 h by one fleet; boxes only go back (2 TEU
/// ready at C every 24 h).
Network out_and_back(int vehicles) {
  Network net = line(50);
  Service back = net.services[0];
  back.id = "train-back";
  back.route = {2, 1, 0};
  back.legs = {1, 0};
  for (Service *s : {&net.services[0], &back}) {
    s->schedule.kind = Schedule::Kind::Interval;
    s->schedule.every = Hours(12.0);
    s->schedule.first = Hours(0.0);
    s->fleet = 0;
  }
  net.services.push_back(back);
  net.fleets = {Fleet{"sets", vehicles, Hours(4.0), std::nullopt}};
  net.demand = {scheduled(2, 0, 2.0, 24.0)};
  return net;
}

const ServiceResult &service(const SimulationResults &r, const char *id) {
  for (const ServiceResult &s : r.services)
    if (s.id == id)
      return s;
  FAIL("no service " << id);
  return r.services.front();
}

} // namespace

TEST_CASE("A fleet's round trip bounds its services' frequency", "[model][fleet]") {
  // One set: out at 0, at C after 10 + 4 (customs) + 20 = 34 h, ready at 38 h, back at the
  // 48 h departure, at A at 82 h, ready at 86 h, out again at 96 h: one departure each way
  // every 96 h instead of every 12 h.
  const double measured_days = 39.5; // 948 h: out at 0, 96, ..., 864; back at 48, ..., 912
  const SimulationResults r = simulate(out_and_back(1), options(measured_days));
  const double per_run = measured_days / 365.0;
  const ServiceResult &out = service(r, "train"), &back = service(r, "train-back");
  CHECK(out.departures_per_year.mean * per_run == Approx(10.0));
  CHECK(back.departures_per_year.mean * per_run == Approx(10.0));
  CHECK(out.cancelled_per_year.mean * per_run == Approx(70.0)); // 80 slots in 948 h
  CHECK(back.cancelled_per_year.mean * per_run == Approx(70.0));
  // Out, nothing to carry: every trip runs empty. Back, the boxes of 96 h: 4 x 2 TEU of 100.
  CHECK(out.empty_trips_per_year.mean * per_run == Approx(10.0));
  CHECK(back.empty_trips_per_year.mean == Approx(0.0));
  CHECK(back.load_factor.mean == Approx(8.0 / 100.0).epsilon(0.05));
  // With a departure every 12 h a set turns in 96 h (it waits for the next slot at each end),
  // so eight sets serve all eight departures each way in 96 h.
  const SimulationResults many = simulate(out_and_back(8), options(measured_days));
  CHECK(service(many, "train").cancelled_per_year.mean == Approx(0.0));
  CHECK(service(many, "train").departures_per_year.mean * per_run == Approx(80.0));
}

TEST_CASE("Utilisation is of the hours a facility offers: open hours, and units left by a cut",
          "[model][facilities]") {
  // A checkpoint of one lane open 08:00-17:00 and two trucks an hour, each 1 h: it is busy all
  // the nine hours it opens (37.5 % of the day), which is 100 % of what it offers.
  Network net = truck_road();
  RoadCheckpoint cp;
  cp.lanes = 1;
  cp.time = DistributionSpec::fixed(1.0);
  cp.hours = Calendar({WeeklyWindow{0x7f, 8.0, 17.0}}, {}, 0);
  net.nodes[1].road_checkpoint = cp;
  net.demand = {scheduled(0, 1, 2.0, 0.5)};
  const SimulationResults r = simulate(net, options(20.0));
  const FacilityResult *k = nullptr;
  for (const FacilityResult &f : r.facilities)
    if (f.kind == FacilityKind::RoadCheckpoint)
      k = &f;
  REQUIRE(k);
  CHECK(k->utilisation.mean == Approx(1.0).epsilon(0.01));
  // Customs of two lanes at B cut to one for the whole run, with a clearance always waiting:
  // busy all the time on the one lane left, 100 % (50 % of the nominal two).
  Network line2 = line(50);
  line2.nodes[1].customs->lanes = 2;
  line2.nodes[1].gauge_change->lifts_per_track = PerHour(1e6);
  line2.background = {through_b(0.5)}; // two lanes' worth of 4-h clearances
  Disruption cut;
  cut.id = "half";
  cut.kind = DisruptionKind::Capacity;
  cut.target = DisruptionTarget::Node;
  cut.index = 1;
  cut.factor = 0.5;
  cut.window = TimeWindow{Hours(0.0), days(100.0)};
  line2.disruptions = {cut};
  const SimulationResults c = simulate(line2, options(20.0, 2.0));
  CHECK(customs_at_b(c).utilisation.mean == Approx(1.0).epsilon(0.01));
}

TEST_CASE("A timetabled background stream keeps its weekly slots from any epoch",
          "[model][background]") {
  // Epoch Tuesday 2023-01-03; a train every Tuesday 10:00: at 10 h, 178 h, ... within 60 days
  // (1,440 h): 9 trains.
  Network net = line(50);
  net.settings.epoch = CivilDate{2023, 1, 3};
  BackgroundTraffic b = through_b(1.0);
  b.per_hour = PerHour(0.0);
  b.service.schedule.kind = Schedule::Kind::Weekly;
  b.service.schedule.weekly = {Hours(24.0 + 10.0)}; // Tuesday 10:00 after Monday 00:00
  net.background = {b};
  const SimulationResults r = simulate(net, options(60.0));
  CHECK(r.replications[0].background_entered == 9);
}

TEST_CASE("The timetable expects the wait for a path that shared traffic causes (M/D/1)",
          "[model][background][timetable]") {
  // B-C: 8 paths a day each way (a 3-h headway). Other trains 6.7 a day: lambda = 0.279 an
  // hour, rho = 0.8375, Wq = rho D / (2 (1 - rho)) = 7.73 h, the other trains' time-average
  // work that the weekly train finds. It is expected at C after 10 h + 4 h customs at B +
  // 7.73 h + 20 h.
  Network net = line(50);
  net.links[1].capacity = PerHour(8.0 / 24.0);
  net.background = {through_b(6.7 / 24.0)};
  const RoutingGraph graph(net, DwellOptions{});
  const Timetable tt(graph);
  const double d = 3.0;
  CHECK(tt.arrival_offset(0, 2).value() == Approx(10.0 + 4.0 + md1_wait(6.7 / 24.0, d) + 20.0));
  // And the simulated train waits that, within the sampling interval.
  SimulationOptions o = options(1000.0, 20.0);
  o.replications = 10;
  net.nodes[1].gauge_change->lifts_per_track = PerHour(1e6);
  net.nodes[1].customs->lanes = 4; // customs must pass the 6.7 trains a day (4 h each) on
  const SimulationResults r = simulate(net, o);
  const Estimate &own = r.od[0].wait_hours[static_cast<int>(WaitCause::LinkQueue)];
  CHECK(std::abs(own.mean - md1_wait(6.7 / 24.0, d)) <= own.half_width);
}

TEST_CASE("A fleet of trucks bounds the dispatched loads by its round trip", "[model][fleet]") {
  // A -2 h- K: a truck of 2 TEU leaves when full; 2 TEU are ready every hour. One truck, back
  // empty at once: out at 0, at K at 2 h, back at A at 4 h, out again: a load every 4 h (6 a
  // day instead of 24; the rest waits at A). In 240 h: out at 0, 4, ..., 240 (61), back at 2,
  // 6, ..., 238 (60, all empty).
  Network net = truck_road();
  Service back = net.services[0];
  back.id = "truck-back";
  back.route = {1, 0};
  net.services[0].fleet = 0;
  back.fleet = 0;
  net.services.push_back(back);
  net.fleets = {Fleet{"trucks", 1, Hours(0.0), Hours(0.0)}};
  net.demand = {scheduled(0, 1, 2.0, 1.0)};
  const double measured_days = 10.0;
  const SimulationResults r = simulate(net, options(measured_days));
  const double per_run = measured_days / 365.0;
  CHECK(service(r, "truck").departures_per_year.mean * per_run == Approx(61.0));
  CHECK(service(r, "truck-back").departures_per_year.mean * per_run == Approx(60.0));
  CHECK(service(r, "truck-back").empty_trips_per_year.mean * per_run == Approx(60.0));
  CHECK(service(r, "truck").empty_trips_per_year.mean == Approx(0.0));
  // Without an empty return the truck stays at K after its first trip.
  net.fleets[0].empty_return.reset();
  const SimulationResults stuck = simulate(net, options(measured_days));
  CHECK(service(stuck, "truck").departures_per_year.mean * per_run == Approx(1.0));
}
