// Route choice: earliest arrival, and a logit split over the k best routes by generalised cost.
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {
/// The line A-B-C (a weekly train, free) plus a road A-C driven on demand in 20 h for
/// 2,000 USD per TEU. One 2-TEU box every 2 hours; the train has room for all of them.
Network two_routes() {
  Network net = line(200);
  Link r = road("A-C", 0, 2, 20.0);
  r.cost = Usd(2000.0);
  net.links.push_back(r);
  net.demand[0] = scheduled(0, 2, 2.0, 2.0);
  return net;
}
} // namespace

TEST_CASE("Route choice by earliest arrival or by logit over generalised cost", "[model][choice]") {
  const Network net = two_routes();
  SimulationOptions o = options(60.0, 7.0);
  SECTION("earliest arrival: every box takes the road") {
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].cost_per_teu.mean == Approx(2000.0));
    // 20 h at the wheel: two 45-min breaks and two 11-h daily rests on the way.
    CHECK(r.od[0].transit_max.mean == Approx(20.0 + 2 * 0.75 + 2 * 11.0));
    REQUIRE(r.od[0].routes.size() == 1);
    CHECK(r.services[r.od[0].routes[0].services.at(0)].id == "A-C on demand");
    CHECK(r.od[0].routes[0].share.mean == 1.0);
  }
  o.route_choice = RouteChoice::Logit;
  SECTION("logit with scale 0: an even split between the two routes") {
    o.logit_scale = 0.0;
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].cost_per_teu.mean == Approx(1000.0).margin(150.0)); // ±4 sd of ~650 boxes
    REQUIRE(r.od[0].routes.size() == 2);
    CHECK(r.od[0].routes[0].share.mean + r.od[0].routes[1].share.mean == Approx(1.0));
    CHECK(r.od[0].routes[1].share.mean == Approx(0.5).margin(0.08));
  }
  SECTION("logit with a large scale: the cheaper train, whatever the wait") {
    o.logit_scale = 1.0; // generalised cost: train ~117 USD (1 USD/h), road 2,020 USD
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].cost_per_teu.mean == Approx(0.0));
    CHECK(r.od[0].wait_hours[static_cast<int>(WaitCause::RailRunning)].mean == Approx(30.0));
  }
  SECTION("the choice is repeatable for a seed") {
    o.logit_scale = 0.001;
    CHECK(simulate(net, o).od[0].cost_per_teu.mean == simulate(net, o).od[0].cost_per_teu.mean);
  }
}
