// Route choice: earliest arrival, and a logit split over the k best routes by generalised cost.
#include "corsim/error.hpp"
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
    // The planner expects the road's rests too (43.5 h): with the train slowed to more than
    // 50 h from A to C, the road is the earlier arrival for every box.
    Network slow = net;
    slow.links[1].running_time = DistributionSpec::fixed(40.0);
    const SimulationResults r = simulate(slow, o);
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
    CHECK(cause(r.od[0], WaitCause::RailRunning) == Approx(30.0));
  }
  SECTION("the choice is repeatable for a seed") {
    o.logit_scale = 0.001;
    CHECK(simulate(net, o).od[0].cost_per_teu.mean == simulate(net, o).od[0].cost_per_teu.mean);
  }
}

TEST_CASE("The logit books room: a full train is not chosen, and rolls nothing over",
          "[model][choice][booking]") {
  // A train of 2 wagons (4 TEU) a week and a road at 500 USD; a 2-TEU box a day. At scale 1
  // per USD the choice is all but certain: the train while its first departure with room
  // arrives within 500 h of the road (value of time 1 USD/h), else the road. Every train
  // leaves full, and never leaves anything behind.
  Network net = line(2);
  Link r = road("A-C", 0, 2, 20.0);
  r.cost = Usd(500.0);
  net.links.push_back(r);
  SimulationOptions o = options(70.0, 28.0);
  o.route_choice = RouteChoice::Logit;
  o.logit_scale = 1.0;
  const SimulationResults res = simulate(net, o);
  const ServiceResult &train = res.services[0];
  CHECK(train.rolled_over_teu_per_year.mean == 0.0);
  CHECK(train.load_factor.mean == Approx(1.0));
  // The train (arriving 34.4 h after it leaves) beats the road (500 USD + 43.5 h) for a box
  // whose booked departure leaves within 509.1 h: at most 3 weekly trains ahead are booked,
  // so the boxes waiting at the end are those of 2 or 3 full trains.
  CHECK(res.od[0].backlog_teu.mean >= 8.0);
  CHECK(res.od[0].backlog_teu.mean <= 12.0);
}

TEST_CASE("Fixed shares split a flow over the routes given", "[model][choice][shares]") {
  const Network net = two_routes();
  SimulationOptions o = options(60.0, 7.0);
  o.route_choice = RouteChoice::FixedShares;
  o.route_shares = {{"flow", {"train"}, 1.0}, {"flow", {"A-C"}, 3.0}};
  SECTION("a quarter by train, three quarters by road (cost 0 and 2,000 USD)") {
    const SimulationResults r = simulate(net, o);
    // ~650 boxes: the share by road has a standard deviation of ~0.017.
    CHECK(r.od[0].cost_per_teu.mean == Approx(0.75 * 2000.0).margin(0.07 * 2000.0));
    REQUIRE(r.od[0].routes.size() == 2);
  }
  SECTION("unknown services and flows are named with suggestions") {
    o.route_shares = {{"flow", {"trian"}, 1.0}};
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("unknown service or link 'trian'") &&
                                            Catch::Contains("'train'"));
    o.route_shares = {{"flw", {"train"}, 1.0}};
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("unknown flow 'flw'"));
  }
  SECTION("a share must be positive") {
    o.route_shares = {{"flow", {"train"}, 0.0}};
    CHECK_THROWS_AS(simulate(net, o), ApiMisuse);
  }
}
