// Boxes that react: a box left behind by a full train re-plans from where it stands and takes
// the earliest departure with room, on any service; with re-planning off it keeps its plan.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

/// A service from T to C over link 0 leaving on Mondays at `at` hours, of `wagons` × 2 TEU.
Service t_to_c(const char *id, double at, int wagons) {
  Service s;
  s.id = id;
  s.mode = Mode::Rail;
  s.route = {0, 1};
  s.legs = {0};
  s.vehicle.type = VehicleType::Train;
  s.vehicle.wagons = wagons;
  s.vehicle.teu_per_wagon = Teu(2.0);
  s.vehicle.capacity = Teu(2.0 * wagons);
  s.schedule.kind = Schedule::Kind::Weekly;
  s.schedule.weekly = {Hours(at)};
  return s;
}

/// T ==20 h== C, no facilities. The "small" train (4 TEU) leaves T on Mondays at 06:00, the
/// "big" one (10 TEU) at 12:00; both take 20 h. Three 2-TEU boxes are ready at T at 00:00.
Network two_trains() {
  Network net;
  net.name = "two trains";
  net.nodes = {node("T", NodeKind::Hub), node("C", NodeKind::Gateway)};
  net.links = {rail("T-C", 0, 1, Gauge::Standard, 20.0)};
  net.services = {t_to_c("small", 6.0, 2), t_to_c("big", 12.0, 5)};
  net.demand = {booked("T-C", 0, 1, {{0.0, 2.0}, {0.0, 2.0}, {0.0, 2.0}})};
  return net;
}

} // namespace

TEST_CASE("A box left behind by a full train takes the next train with room", "[model][replan]") {
  // Planning on the timetable alone (earliest arrival, no booking) all three boxes plan the
  // small train (arrival 26 h). It takes two; the third is left behind at 06:00.
  const Network net = two_trains();
  SimulationOptions o = options(14.0);
  SECTION("re-planning: the big train at 12:00, arriving at 32 h") {
    const SimulationResults r = simulate(net, o);
    const OdResult &od = r.od[0];
    CHECK(od.transit_mean.mean == Approx((26.0 + 26.0 + 32.0) / 3));
    CHECK(od.transit_max.mean == Approx(32.0));
    CHECK(cause(od, WaitCause::Departure) == Approx(6.0));      // all three, 00:00 to 06:00
    CHECK(cause(od, WaitCause::RolledOver) == Approx(6.0 / 3)); // the third, 06:00 to 12:00
    CHECK(r.services[0].rolled_over_teu_per_year.mean == Approx(2.0 * 365.0 / 14.0));
    // The 6 h it waited for the big train are the small train's, which left it behind.
    CHECK(r.services[0].delay_teu_hours_per_year.mean == Approx(2.0 * 6.0 * 365.0 / 14.0));
    CHECK(r.services[1].delay_teu_hours_per_year.mean == 0.0);
    CHECK(r.replications[0].teu.delivered == Approx(6.0));
  }
  SECTION("without: the small train a week later, arriving at 168 + 26 h") {
    o.replan = false;
    const SimulationResults r = simulate(net, o);
    const OdResult &od = r.od[0];
    CHECK(od.transit_mean.mean == Approx((26.0 + 26.0 + 194.0) / 3));
    CHECK(cause(od, WaitCause::RolledOver) == Approx(168.0 / 3));
  }
}

TEST_CASE("A change of trains takes the node's transfer time, planned and performed",
          "[model][replan]") {
  // T ==10 h== M ==10 h== C. Train A leaves T on Mondays at 06:00 and reaches M at 16:00;
  // train B leaves M at 18:00 and 22:00. One 2-TEU box is ready at T at 00:00.
  Network net;
  net.name = "transfer";
  net.nodes = {node("T", NodeKind::Hub), node("M", NodeKind::Hub), node("C", NodeKind::Gateway)};
  net.links = {rail("T-M", 0, 1, Gauge::Standard, 10.0), rail("M-C", 1, 2, Gauge::Standard, 10.0)};
  Service a = t_to_c("A", 6.0, 5);
  Service b = t_to_c("B", 18.0, 5);
  b.route = {1, 2};
  b.legs = {1};
  b.schedule.weekly = {Hours(18.0), Hours(22.0)};
  net.services = {a, b};
  net.demand = {booked("T-C", 0, 2, {{0.0, 2.0}})};
  SimulationOptions o = options(7.0);
  int replanned = 0;
  o.trace = [&](const TraceEvent &e) { replanned += e.kind == TraceEvent::Kind::Replanned; };
  o.threads = 1;
  SECTION("none: the 18:00 train, 28 h") {
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].transit_mean.mean == Approx(28.0));
  }
  SECTION("3 h at M: ready at 19:00, the plan books the 22:00 train (32 h) and keeps it") {
    net.nodes[1].transfer_time = Hours(3.0);
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].transit_mean.mean == Approx(32.0));
    CHECK(cause(r.od[0], WaitCause::Transfer) == Approx(3.0));
    CHECK(cause(r.od[0], WaitCause::Departure) == Approx(6.0 + 3.0));
    CHECK(replanned == 0); // no missed connection: the plan had the transfer time
  }
}

TEST_CASE("A box booked on a later train takes an earlier one running late with room",
          "[model][replan]") {
  // T ==10 h== M ==10 h== C, one train a week leaving T on Mondays at 06:00 (at M at 16:00 by
  // the timetable). Weather adds 20 h to its first leg, so it reaches M at 36 h. A box ready at
  // M at 20 h finds the Monday departure gone by the timetable and books next Monday's (at M
  // at 184 h); the late train has room, so it boards it and is in C at 46 h: 26 h, not 174 h.
  Network net;
  net.name = "late train";
  net.nodes = {node("T", NodeKind::Hub), node("M", NodeKind::Hub), node("C", NodeKind::Gateway)};
  net.links = {rail("T-M", 0, 1, Gauge::Standard, 10.0), rail("M-C", 1, 2, Gauge::Standard, 10.0)};
  Service s = t_to_c("train", 6.0, 5);
  s.route = {0, 1, 2};
  s.legs = {0, 1};
  net.services = {s};
  net.demand = {booked("M-C", 1, 2, {{20.0, 2.0}})};
  net.disruptions = {weather_on(0, 0.0, 10.0, 20.0)};
  SimulationOptions o = options(14.0);
  o.route_choice = RouteChoice::Logit; // books its departure
  const SimulationResults r = simulate(net, o);
  CHECK(r.od[0].transit_mean.mean == Approx(26.0));
}

TEST_CASE("A box takes an earlier train only with room that no box joining later has booked",
          "[model][replan]") {
  // T - M - N - C, 10 h each; the Monday train (10 TEU) is 20 h late from T (at M at 36 h, N at
  // 46 h, C at 56 h). A 10-TEU box at N booked it at 0 h; a 2-TEU box ready at M at 20 h books
  // next Monday's (M at 184 h). The late train has room from M to N but not from N to C: the
  // M box waits for its own train (C at 204 h: 184 h), the N box rides (56 h), none is rolled.
  Network net;
  net.name = "booked downstream";
  net.nodes = {node("T", NodeKind::Hub), node("M", NodeKind::Hub), node("N", NodeKind::Hub),
               node("C", NodeKind::Gateway)};
  net.links = {rail("T-M", 0, 1, Gauge::Standard, 10.0), rail("M-N", 1, 2, Gauge::Standard, 10.0),
               rail("N-C", 2, 3, Gauge::Standard, 10.0)};
  Service s = t_to_c("train", 6.0, 5);
  s.route = {0, 1, 2, 3};
  s.legs = {0, 1, 2};
  net.services = {s};
  net.demand = {booked("M-C", 1, 3, {{20.0, 2.0}}), booked("N-C", 2, 3, {{0.0, 10.0}})};
  net.disruptions = {weather_on(0, 0.0, 10.0, 20.0)};
  SimulationOptions o = options(14.0);
  o.route_choice = RouteChoice::Logit;
  const SimulationResults r = simulate(net, o);
  CHECK(r.od[0].transit_mean.mean == Approx(184.0));
  CHECK(r.od[1].transit_mean.mean == Approx(56.0));
  CHECK(r.services[0].rolled_over_teu_per_year.mean == 0.0);
}

TEST_CASE("A box that missed its train takes the next only with room not booked downstream",
          "[model][replan]") {
  // S ==5 h== M ==10 h== N ==10 h== C. A feeder leaves S on Mondays at 00:00 (at M at 05:00);
  // the train leaves M at 16:00 (at N at 26:00, C at 36:00) each Monday. A 2-TEU box at S books
  // the feeder and Monday's train, but weather makes the feeder 20 h late: it reaches M at 25 h
  // and, keeping its plan, waits for a train. A 10-TEU box ready at N at 30 h has booked next
  // Monday's train from N (at N at 194 h). That train has room from M to N but not from N to
  // C: the S box waits another week (C at 372 h), the N box rides (C at 204 h: 174 h).
  Network net;
  net.name = "missed connection";
  net.nodes = {node("S", NodeKind::Hub), node("M", NodeKind::Hub), node("N", NodeKind::Hub),
               node("C", NodeKind::Gateway)};
  net.links = {rail("S-M", 0, 1, Gauge::Standard, 5.0), rail("M-N", 1, 2, Gauge::Standard, 10.0),
               rail("N-C", 2, 3, Gauge::Standard, 10.0)};
  Service feeder = t_to_c("feeder", 0.0, 5);
  feeder.route = {0, 1};
  feeder.legs = {0};
  Service train = t_to_c("train", 16.0, 5);
  train.route = {1, 2, 3};
  train.legs = {1, 2};
  net.services = {feeder, train};
  net.demand = {booked("S-C", 0, 3, {{0.0, 2.0}}), booked("N-C", 2, 3, {{30.0, 10.0}})};
  net.disruptions = {weather_on(0, 0.0, 1.0, 20.0)};
  SimulationOptions o = options(21.0);
  o.route_choice = RouteChoice::Logit;
  o.replan = false;
  const SimulationResults r = simulate(net, o);
  CHECK(r.od[0].transit_mean.mean == Approx(372.0));
  CHECK(r.od[1].transit_mean.mean == Approx(174.0));
  CHECK(r.services[1].rolled_over_teu_per_year.mean == Approx(2.0 * 365.0 / 21.0));
}

TEST_CASE("A box that reaches a stop while its train stands there boards it", "[model][replan]") {
  // T ==10 h== M ==10 h== C; the Monday train reaches M at 16:00 and stands there 10 h (leaves
  // at 26:00, in C at 36:00). A box ready at M at 20 h boards it: 16 h, 6 h of them waiting.
  Network net;
  net.name = "dwell";
  net.nodes = {node("T", NodeKind::Hub), node("M", NodeKind::Hub), node("C", NodeKind::Gateway)};
  net.links = {rail("T-M", 0, 1, Gauge::Standard, 10.0), rail("M-C", 1, 2, Gauge::Standard, 10.0)};
  Service s = t_to_c("train", 6.0, 5);
  s.route = {0, 1, 2};
  s.legs = {0, 1};
  s.dwell = Hours(10.0);
  net.services = {s};
  net.demand = {booked("M-C", 1, 2, {{20.0, 2.0}})};
  for (const RouteChoice choice : {RouteChoice::EarliestArrival, RouteChoice::Logit}) {
    SimulationOptions o = options(14.0);
    o.route_choice = choice;
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].transit_mean.mean == Approx(16.0));
    CHECK(cause(r.od[0], WaitCause::Departure) == Approx(6.0));
    CHECK(cause(r.od[0], WaitCause::StopDwell) == 0.0);
  }
}
