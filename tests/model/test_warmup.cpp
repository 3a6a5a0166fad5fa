// The warm-up chosen from the data: MSER-5 on the pilot run's weekly TEU in the system drops a
// start that is far from the steady state, and nothing from one that starts in it.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

TEST_CASE("MSER-5 drops a backlog that the run starts with", "[model][warmup]") {
  // line(50): a 100-TEU train a week, and 2 TEU a day (14 a week). 400 boxes of 2 TEU, all
  // ready at 0 h, drain at the spare 86 TEU a week: TEU in the system falls from about 800 to
  // the steady handful by week 9.3. In batches of five weeks the first two (0-4, 5-9) are the
  // backlog, and from week 10 on the series is flat: the warm-up is 10 weeks, 70 days.
  Network net = line(50);
  DemandFlow backlog;
  backlog.id = "backlog";
  backlog.origin = 0;
  backlog.destination = 2;
  backlog.arrivals = ArrivalProcess::Bookings;
  backlog.bookings.assign(400, Booking{Hours(0.0), Teu(2.0), Hours(0.0)});
  backlog.volume = TeuPerYear(800.0);
  net.demand.push_back(backlog);
  SimulationOptions o = options(364.0);
  CHECK(in_days(choose_warmup(net, o)) == Approx(70.0));
  SECTION("without the backlog the run starts near its steady state: no warm-up") {
    net.demand.pop_back();
    CHECK(in_days(choose_warmup(net, o)) == Approx(0.0));
  }
  SECTION("simulate with auto_warmup measures after the chosen warm-up") {
    o.auto_warmup = true;
    o.warmup = days(1.0); // ignored
    SimulationOptions fixed = options(364.0, 70.0);
    const OdResult chosen = simulate(net, o).od[0], given = simulate(net, fixed).od[0];
    REQUIRE(given.transit_mean.n == 1);
    CHECK(chosen.transit_mean.mean == Approx(given.transit_mean.mean));
    CHECK(chosen.delivered_teu_per_year.mean == Approx(given.delivered_teu_per_year.mean));
  }
}
