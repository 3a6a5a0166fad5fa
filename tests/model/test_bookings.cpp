// Demand from bookings: one consignment per booking at its ready time, due when it says.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

TEST_CASE("Bookings become consignments at their ready times", "[model][bookings]") {
  // Three 2-TEU bookings ready at 0, 3 and 9 h all take the Monday 10:00 train, which lifts
  // 6 TEU at B in 0.6 h: each arrives at 10 + 10 + 4 + 0.6 + 20 = 44.6 h.
  Network net = line(50);
  DemandFlow &f = net.demand[0];
  f.arrivals = ArrivalProcess::Bookings;
  f.bookings = {{Hours(0.0), Teu(2.0), Hours(50.0)},
                {Hours(3.0), Teu(2.0), Hours(40.0)}, // delivered at 44.6 h: late
                {Hours(9.0), Teu(2.0), Hours(0.0)}}; // no due time: on time
  const SimulationResults r = simulate(net, options(6.0));
  const OdResult &od = r.od[0];
  CHECK(od.transit_max.mean == Approx(44.6));
  CHECK(od.transit_mean.mean == Approx((44.6 + 41.6 + 35.6) / 3));
  CHECK(od.on_time_share.mean == Approx(2.0 / 3.0));
  CHECK(r.replications[0].teu.generated == Approx(6.0));
  CHECK(r.replications[0].teu.delivered == Approx(6.0));
  CHECK(od.note.empty());
  SECTION("bookings after the end of the run are not generated") {
    f.bookings.push_back({Hours(24.0 * 30), Teu(2.0), Hours(0.0)});
    CHECK(simulate(net, options(6.0)).replications[0].teu.generated == Approx(6.0));
  }
}
