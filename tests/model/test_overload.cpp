// Honest overload: a line run at twice its train's capacity is reported as overloaded, with
// the growth of the boxes in the system calculated by hand; at half, nothing is.
#include "corsim/statistics.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <vector>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

TEST_CASE("A Theil-Sen trend: rise along the line and mean", "[statistics][overload]") {
  const Trend up = theil_sen_trend({1.0, 3.0, 5.0, 7.0});
  CHECK(up.growth == Approx(6.0));
  CHECK(up.mean == Approx(4.0));
  const Trend flat = theil_sen_trend({2.0, 0.0, 2.0, 0.0, 2.0});
  CHECK(flat.growth == Approx(0.0).margin(1e-12));
  CHECK(flat.mean == Approx(1.2));
  CHECK(theil_sen_trend({}).growth == 0.0);
  // 20 weeks at 0 and a backlog of 30 in the last 3: of the 253 slopes between pairs, 193 are
  // 0 and 60 positive, so the median is 0: the end does not tilt the line (least squares
  // would rise by 900 / 1012 × 22 = 19.6).
  std::vector<double> spike(23, 0.0);
  spike[20] = spike[21] = spike[22] = 30.0;
  CHECK(theil_sen_trend(spike).growth == Approx(0.0).margin(1e-12));
}

TEST_CASE("A line at twice its capacity is overloaded, at half it is not", "[model][overload]") {
  // The line's weekly train A -> C; 2 TEU ready at A every 12 h: 28 TEU a week.
  Network net = line(7); // 14 TEU a week: twice over
  net.demand[0] = scheduled(0, 2, 2.0, 12.0);
  SimulationOptions o = options(364.0, 7.0); // 52 weekly periods
  SECTION("twice: the boxes at A grow by 14 TEU a week") {
    const SimulationResults r = simulate(net, o);
    REQUIRE(r.overloads.size() >= 2);
    // Every period ends at the same point of the week, with 14 TEU more than the last:
    // the line rises by 14 TEU × 51 periods, and so do the TEU waiting for the train.
    CHECK(r.overloads[0].what == "TEU in the system");
    CHECK(r.overloads[0].growth == Approx(14.0 * 51));
    CHECK(r.overloads[1].what == "TEU waiting for service train");
    CHECK(r.overloads[1].growth == Approx(14.0 * 51));
    for (const Overload &x : r.overloads) // customs and the yard keep up: a train a week
      CHECK(x.what.rfind("queue at", 0) != 0);
  }
  SECTION("half: no overload") {
    net.services[0].vehicle.wagons = 28;
    net.services[0].vehicle.capacity = Teu(56.0);
    CHECK(simulate(net, o).overloads.empty());
  }
}
