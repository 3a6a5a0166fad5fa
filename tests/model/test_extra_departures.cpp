// Services that respond to demand: an extra departure when enough boxes wait, within a weekly
// maximum; hand-checked on the line at twice its train's capacity.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

TEST_CASE("An extra train when 14 TEU wait carries what the timetable cannot", "[model][extra]") {
  // line(7): a 14-TEU train on Mondays at 10:00; 2 TEU ready every 12 h (28 TEU a week, twice
  // the timetable). With an extra departure as soon as 14 TEU wait, at most one a calendar
  // week: each week one extra train leaves with 14 TEU and the Monday train with 14, so the
  // 28 TEU a week are carried and nothing piles up: at the end at most a trainload waits and
  // one is under way.
  Network net = line(7);
  net.demand[0] = scheduled(0, 2, 2.0, 12.0);
  net.services[0].extra = ExtraDepartures{Teu(14.0), 1};
  const SimulationOptions o = options(364.0, 7.0);
  const SimulationResults r = simulate(net, o);
  CHECK(r.services[0].departures_per_year.mean * 364.0 / 365.0 == Approx(2.0 * 52).margin(1.0));
  CHECK(r.services[0].rolled_over_teu_per_year.mean == 0.0);
  CHECK(r.overloads.empty());
  CHECK(r.od[0].backlog_teu.mean + r.od[0].in_transit_teu.mean <= 28.0 + 1e-9);
  // Two trains a week: a box waits for a departure less than a week on average (without the
  // extra, the wait grows by a week every two weeks).
  CHECK(cause(r.od[0], WaitCause::Departure) < 100.0);
  SECTION("at most none a week: overloaded, as without") {
    net.services[0].extra->per_week = 0;
    CHECK_FALSE(simulate(net, o).overloads.empty());
  }
}
