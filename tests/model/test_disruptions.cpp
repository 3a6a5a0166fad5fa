// Disruptions in the corridor model: closures of nodes, links and services, capacity cuts,
// weather at sea, yearly rules; each against a hand calculation.
#include "corsim/io/load.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

Disruption closure(DisruptionTarget target, std::uint32_t index, double from, double to) {
  Disruption d;
  d.id = "test";
  d.kind = DisruptionKind::Closure;
  d.target = target;
  d.index = index;
  d.window = TimeWindow{Hours(from), Hours(to)};
  return d;
}

/// line(), but the train leaves A every day at 10:00.
Network daily_line(int wagons) {
  Network net = line(wagons);
  net.services[0].schedule.kind = Schedule::Kind::Interval;
  net.services[0].schedule.every = Hours(24.0);
  net.services[0].schedule.first = Hours(10.0);
  return net;
}

/// TEU aboard each departure from the first stop, in order.
std::vector<double> loads_leaving_a(const Network &net, SimulationOptions o) {
  std::vector<double> loads;
  o.trace = [&](const TraceEvent &e) {
    if (e.kind == TraceEvent::Kind::Departed && e.node == 0)
      loads.push_back(e.teu);
  };
  (void)simulate(net, o);
  return loads;
}

} // namespace

TEST_CASE("A closed border holds a train for exactly the rest of the closure",
          "[model][disruption]") {
  // The Monday train leaves A at 10 h and reaches B at 20 h. Without a closure the box ready
  // at 0 h arrives at 10 (wait) + 10 + 4 (customs) + 0.2 (2 TEU at 10 lifts/h) + 20 = 44.2 h.
  Network net = line(50);
  const SimulationOptions o = options(6.0); // later boxes wait for next Monday's train
  const SimulationResults base = simulate(net, o);
  REQUIRE(base.od[0].transit_max.mean == Approx(44.2));
  SECTION("B closed from 15 h to 87 h: the train waits 87 - 20 = 67 h at B") {
    net.disruptions = {closure(DisruptionTarget::Node, 1, 15.0, 87.0)};
    const SimulationResults r = simulate(net, o);
    CHECK(r.od[0].transit_max.mean == Approx(44.2 + 67.0));
    CHECK(cause(r.od[0], WaitCause::Closure) == Approx(67.0));
    CHECK(cause(r.od[0], WaitCause::Customs) == Approx(4.0));
  }
  SECTION("B closed before the train arrives: no delay") {
    net.disruptions = {closure(DisruptionTarget::Node, 1, 2.0, 20.0)}; // reopens as it arrives
    CHECK(simulate(net, o).od[0].transit_max.mean == Approx(44.2));
  }
  SECTION("link B-C closed until 100 h: the train leaves B at 100 h") {
    net.disruptions = {closure(DisruptionTarget::Link, 1, 0.0, 100.0)};
    const SimulationResults r = simulate(net, o);
    // At B after customs and lifting at 24.2 h; waits 75.8 h; runs 20 h: delivered at 120 h.
    CHECK(cause(r.od[0], WaitCause::Closure) == Approx(75.8));
    CHECK(r.od[0].transit_max.mean == Approx(120.0));
  }
}

TEST_CASE("A closed service builds a backlog that drains at the spare capacity",
          "[model][disruption]") {
  // One 2-TEU box a day (0 h, 24 h, ...); a train of 2 wagons (4 TEU) daily at 10:00.
  // Departures on days 2, 3 and 4 are cancelled. Day 5's train finds the boxes of days 2-5
  // and takes two; day 6's finds three and takes two; day 7's takes the last two; day 8's
  // carries the day's box again.
  Network net = daily_line(2);
  net.disruptions = {closure(DisruptionTarget::Service, 0, 48.0, 120.0)};
  const std::vector<double> loads = loads_leaving_a(net, options(9.0));
  CHECK(loads == std::vector<double>{2.0, 2.0, 4.0, 4.0, 4.0, 2.0});
  SECTION("without the closure, every train carries the day's box") {
    net.disruptions.clear();
    CHECK(loads_leaving_a(net, options(9.0)) == std::vector<double>(9, 2.0));
  }
}

TEST_CASE("Capacity cuts scale vehicles, paths, quotas", "[model][disruption]") {
  SECTION("a service cut to 50% leaves a full 4-TEU train at 2 TEU") {
    Network net = daily_line(2);
    net.demand[0] = scheduled(0, 2, 2.0, 12.0); // two boxes a day, both fit a 4-TEU train
    Disruption d = closure(DisruptionTarget::Service, 0, 0.0, 60.0);
    d.kind = DisruptionKind::Capacity;
    d.factor = 0.5;
    net.disruptions = {d};
    const std::vector<double> loads = loads_leaving_a(net, options(4.0));
    // Days 0-2 (10, 34, 58 h) carry 2 TEU; the rolled-over boxes then fill day 3's and 4's.
    REQUIRE(loads.size() >= 4);
    CHECK(loads[0] == 2.0);
    CHECK(loads[1] == 2.0);
    CHECK(loads[2] == 2.0);
    CHECK(loads[3] == 4.0);
  }
  SECTION("paths cut to 50%: the second of two trains enters 48 h after the first") {
    Network net = line(50);
    Service second = net.services[0];
    second.id = "train 2";
    net.services.push_back(second);
    net.links[0].capacity = PerHour(1.0 / 24.0);
    Disruption d = closure(DisruptionTarget::Link, 0, 0.0, 24.0 * 400);
    d.kind = DisruptionKind::Capacity;
    d.factor = 0.5;
    net.disruptions = {d};
    const SimulationResults r = simulate(net, options(70.0, 14.0));
    for (const FacilityResult &f : r.facilities)
      if (f.kind == FacilityKind::LinkPaths && f.link == 0)
        CHECK(f.mean_wait.mean == Approx(24.0)); // (0 + 48) / 2
  }
}

TEST_CASE("Weather adds its delay to the legs begun in its window", "[model][disruption]") {
  Network net = line(50);
  Disruption d;
  d.id = "storm";
  d.kind = DisruptionKind::Weather;
  d.target = DisruptionTarget::Mode;
  d.index = static_cast<std::uint32_t>(Mode::Rail);
  d.delay = DistributionSpec::fixed(5.0);
  SECTION("both legs of the first train begin in the window: +10 h") {
    d.window = TimeWindow{Hours(0.0), Hours(30.0)};
    net.disruptions = {d};
    const SimulationResults r = simulate(net, options(6.0));
    CHECK(r.od[0].transit_max.mean == Approx(44.2 + 10.0));
    CHECK(cause(r.od[0], WaitCause::Weather) == Approx(10.0));
    CHECK(cause(r.od[0], WaitCause::RailRunning) == Approx(30.0));
  }
  SECTION("only A-B (entered at 10 h) begins in [0, 12): +5 h") {
    d.window = TimeWindow{Hours(0.0), Hours(12.0)};
    net.disruptions = {d};
    CHECK(simulate(net, options(6.0)).od[0].transit_max.mean == Approx(44.2 + 5.0));
  }
}

TEST_CASE("Weather at sea on the teaching corridor", "[model][disruption][teaching]") {
  Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
  SimulationOptions o = options(120.0, 10.0);
  const SimulationResults base = simulate(net, o);
  Disruption d;
  d.id = "winter";
  d.kind = DisruptionKind::Weather;
  d.target = DisruptionTarget::Mode;
  d.index = static_cast<std::uint32_t>(Mode::Sea);
  d.delay = DistributionSpec::fixed(12.0);
  d.window = TimeWindow{Hours(0.0), Hours(24.0 * 400)};
  net.disruptions = {d};
  const SimulationResults r = simulate(net, o);
  for (std::size_t f = 0; f < r.od.size(); ++f) {
    const bool by_sea = cause(base.od[f], WaitCause::SeaPassage) > 0.0;
    INFO(r.od[f].flow);
    CHECK(cause(r.od[f], WaitCause::Weather) == Approx(by_sea ? 12.0 : 0.0));
    CHECK(cause(r.od[f], WaitCause::SeaPassage) ==
          Approx(cause(base.od[f], WaitCause::SeaPassage)));
  }
}

TEST_CASE("A yearly rule repeats on the same date each year", "[model][disruption]") {
  Disruption d;
  d.yearly = true;
  d.first_day = CivilDate{2023, 2, 10};
  // Epoch 2023-01-02: 10 Feb 2023 is day 39.
  d.window = TimeWindow{Hours(39 * 24.0), Hours(49 * 24.0)};
  const std::vector<TimeWindow> w = d.occurrences(Hours(24.0 * 800));
  REQUIRE(w.size() == 3); // 2023, 2024 (day 404), 2025 (day 770)
  CHECK(w[1].start.value() == Approx(404 * 24.0));
  CHECK(w[1].end.value() == Approx(414 * 24.0));
  CHECK(w[2].start.value() == Approx(770 * 24.0));
  d.yearly = false;
  CHECK(d.occurrences(Hours(24.0 * 800)).size() == 1);
  CHECK(d.occurrences(Hours(24.0 * 30)).empty());
}

TEST_CASE("Jilin: Manzhouli closed for ten days", "[model][disruption][jilin]") {
  Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/jilin.yaml");
  SimulationOptions o = options(60.0, 0.0);
  o.route_choice = RouteChoice::Logit;
  const SimulationResults base = simulate(net, o);
  const NodeIndex mzl = net.find_node("MZL");
  net.disruptions = {closure(DisruptionTarget::Node, mzl, 24.0 * 20, 24.0 * 30)};
  const SimulationResults r = simulate(net, o);
  const auto via_mzl = [&](const OdResult &od) { // some route of the flow calls at MZL
    for (const RouteResult &route : od.routes)
      for (std::uint32_t s : route.services)
        if (s < net.services.size())
          for (NodeIndex n : net.services[s].route)
            if (n == mzl)
              return true;
    return false;
  };
  double closed_hours = 0.0;
  for (std::size_t f = 0; f < r.od.size(); ++f) {
    INFO(r.od[f].flow);
    const double held = cause(r.od[f], WaitCause::Closure);
    CHECK(cause(base.od[f], WaitCause::Closure) == 0.0);
    CHECK(held <= 240.0 + 1e-6); // nobody waits longer than the closure
    if (held > 0.0)
      CHECK(via_mzl(r.od[f]));
    closed_hours += held;
  }
  CHECK(closed_hours > 0.0); // trains of 长满欧 reached the closed border
  // The logit sees the closure as a wait: the 长满欧 trains that reach Manzhouli while it is
  // closed (leaving Changchun from day 19 to day 28) carry fewer boxes.
  const auto cmo_load = [&](bool closed) {
    Network n = net;
    if (!closed)
      n.disruptions.clear();
    double teu = 0.0;
    SimulationOptions traced = o;
    traced.replications = 5; // the effect, not one replication's noise
    const auto cmo =
        static_cast<std::uint32_t>(std::find_if(net.services.begin(), net.services.end(),
                                                [](const Service &s) { return s.id == "CMO"; }) -
                                   net.services.begin());
    traced.trace = [&](const TraceEvent &e) {
      if (e.kind == TraceEvent::Kind::Departed && e.service == cmo &&
          e.node == net.find_node("CCX") && e.time >= 24.0 * 19 && e.time < 24.0 * 28)
        teu += e.teu;
    };
    (void)simulate(n, traced);
    return teu;
  };
  const double open_load = cmo_load(false), closed_load = cmo_load(true);
  INFO("长满欧 TEU leaving Changchun on days 19-28: " << open_load << " -> " << closed_load);
  CHECK(closed_load < open_load);
  for (const ReplicationSummary &rep : r.replications)
    CHECK(std::abs(rep.teu.imbalance()) < 1e-6);
}

TEST_CASE("A disruption outside the measured time is a warning", "[model][disruption]") {
  // Epoch 2023-01-02; 2 days of warm-up, 6 measured: measured 2023-01-04 to 2023-01-10.
  Network net = line(50);
  const SimulationOptions o = options(6.0, 2.0);
  auto warned = [&](double from, double to) {
    net.disruptions = {closure(DisruptionTarget::Node, 1, from, to)};
    const std::vector<std::string> w = simulate(net, o).warnings;
    return std::count_if(w.begin(), w.end(), [](const std::string &s) {
      return s.find("disruption test") != std::string::npos;
    });
  };
  CHECK(warned(0.0, 48.0) == 1);    // ends as the measured time starts
  CHECK(warned(192.0, 200.0) == 1); // starts as it ends
  CHECK(warned(0.0, 49.0) == 0);    // one hour inside
  CHECK(warned(191.0, 300.0) == 0);
  net.disruptions = {closure(DisruptionTarget::Node, 1, 500.0, 524.0)};
  const std::vector<std::string> w = simulate(net, o).warnings;
  REQUIRE(w.size() == 1);
  CHECK(w[0] == "disruption test (2023-01-22 to 2023-01-23) is outside the measured time "
                "(2023-01-04 to 2023-01-10): it changes nothing measured");
}
