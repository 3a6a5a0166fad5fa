// Loading the teaching corridor: every unit converted once, names resolved, legs found.
#include "corsim/io/load.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace corsim;

namespace {
const std::string teaching = std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml";

const Link &link_by_id(const Network &net, const std::string &id) {
  for (const auto &l : net.links)
    if (l.id == id)
      return l;
  FAIL("no link " << id);
  return net.links.front();
}

/// The warnings of a load, as printed.
std::vector<std::string> warnings_of(const io::LoadResult &r) {
  std::vector<std::string> out;
  for (const auto &d : r.diagnostics)
    if (d.severity == io::Severity::Warning)
      out.push_back(d.text());
  return out;
}
} // namespace

TEST_CASE("The teaching corridor loads with every value in base units", "[io][load]") {
  const Network net = io::load_network(teaching);
  REQUIRE(net.nodes.size() == 6);
  REQUIRE(net.links.size() == 5);
  REQUIRE(net.services.size() == 3);
  REQUIRE(net.demand.size() == 2);

  SECTION("a sea link in nautical miles and knots") {
    const Link &sea = link_by_id(net, "P-Q");
    CHECK(sea.length.value() == Catch::Detail::Approx(1852.0)); // 1000 nm × 1.852
    CHECK(sea.mean_running_time().value() == Catch::Detail::Approx(1000.0 / 12)); // nm / kn = hours
    CHECK(sea.co2.value() == 30.0);
  }
  SECTION("a rail link given by speed has a fixed running time") {
    const Link &rail = link_by_id(net, "A-B");
    CHECK(rail.gauge == Gauge::Standard);
    CHECK(rail.running_time.is_fixed());
    CHECK(rail.mean_running_time().value() == Catch::Detail::Approx(10.0)); // 600 km / 60 km/h
    CHECK(per_day(rail.capacity) == Catch::Detail::Approx(20.0));
  }
  SECTION("customs with a share, a holiday and opening hours") {
    const Node &b = net.nodes[net.find_node("B")];
    REQUIRE(b.customs);
    CHECK(b.customs->inspection_share == Catch::Detail::Approx(0.10));
    CHECK(b.customs->lanes == 2);
    // Holiday 2023-01-21..27 is days 19..25 after the epoch 2023-01-02.
    CHECK(b.customs->hours.is_open(Hours(19 * 24.0 - 0.5)));
    CHECK_FALSE(b.customs->hours.is_open(Hours(19 * 24.0)));
    CHECK_FALSE(b.customs->hours.is_open(Hours(26 * 24.0 - 0.5)));
    CHECK(b.customs->hours.is_open(Hours(26 * 24.0)));
    REQUIRE(b.gauge_change);
    CHECK(b.gauge_change->wagon_pool == 100);
  }
  SECTION("a weekly timetable becomes hours after Monday 00:00") {
    const Service &train = net.services[0];
    REQUIRE(train.schedule.kind == Schedule::Kind::Weekly);
    REQUIRE(train.schedule.weekly.size() == 2);
    CHECK(train.schedule.weekly[0].value() == Catch::Detail::Approx(24 + 10));     // Tue 10:00
    CHECK(train.schedule.weekly[1].value() == Catch::Detail::Approx(4 * 24 + 10)); // Fri 10:00
    CHECK(train.vehicle.capacity.value() == Catch::Detail::Approx(100)); // 50 wagons × 2 TEU
    REQUIRE(train.legs.size() == 2);
    CHECK(net.links[train.legs[1]].id == "B-C");
  }
  SECTION("demand volumes and distributions") {
    CHECK(net.demand[0].volume.value() == Catch::Detail::Approx(5000));
    CHECK(net.demand[1].size.kind == DistributionKind::Uniform);
    CHECK(net.demand[1].size.mean() == Catch::Detail::Approx(2.0));
    CHECK(net.demand[0].due.value() == Catch::Detail::Approx(240));
  }
  SECTION("nodes are found by id, English name and local name") {
    CHECK(net.find_node("A") == 0);
    CHECK(net.find_node("Alpha terminal") == 0);
    CHECK(net.find_node("甲站") == 0);
    CHECK_THROWS_WITH(net.find_node("Alfa terminal"),
                      Catch::Contains("did you mean 'Alpha terminal'"));
  }
}

TEST_CASE("Every corridor shipped in corridors/ validates without errors", "[io][load]") {
  int checked = 0;
  for (const auto &entry :
       std::filesystem::directory_iterator(std::string(CORSIM_SOURCE_DIR) + "/corridors")) {
    if (entry.path().extension() != ".yaml")
      continue;
    const auto result = io::try_load_network(entry.path().string());
    for (const auto &d : result.diagnostics)
      UNSCOPED_INFO(d.text());
    CHECK(result.ok());
    ++checked;
  }
  CHECK(checked >= 1);
}

TEST_CASE("validate warns of background traffic beyond a facility and of fleets too small",
          "[io][load][background]") {
  // Customs at B: one lane x 24 h; other trains ask 8 a day x 4 h = 32 lane-hours. A train each
  // way every day, 10 h of running + 14 h of turnaround each: 2 x 7 x 24 h = 336 h a week, two
  // sets' worth, and the fleet has one.
  const std::string text = R"yaml(corsim: 1
nodes:
  - {id: A, name: Alpha, kind: rail_terminal, country: CN, coords: [44.0, 125.0]}
  - id: B
    name: Bravo
    kind: border_crossing
    country: CN
    coords: [44.0, 126.0]
    customs: {lanes: 1, time: 4 h}
  - {id: C, name: Charlie, kind: gateway, country: CN, coords: [44.0, 127.0]}
links:
  - {id: A-B, from: A, to: B, mode: rail, gauge: 1435, length: 500 km, speed: 100 km/h}
  - {id: B-C, from: B, to: C, mode: rail, gauge: 1435, length: 500 km, speed: 100 km/h}
fleets:
  - {id: sets, vehicles: 1, turnaround: 14 h}
services:
  - {id: out, name: out, mode: rail, route: [A, B, C], vehicle: {type: train, wagons: 10},
     schedule: {every: 24 h}, fleet: sets}
  - {id: back, name: back, mode: rail, route: [C, B, A], vehicle: {type: train, wagons: 10},
     schedule: {every: 24 h}, fleet: sets}
background:
  - {id: others, mode: rail, route: [A, B, C], vehicles: 8 /d, load: 100 TEU}
  - {id: coal, mode: rail, route: [C, B], schedule: {every: 1 wk}, load: "uniform(3000t, 4000t)"}
)yaml";
  const io::LoadResult r = io::try_load_network_text(text, "w.yaml");
  REQUIRE(r.ok());
  // Bulk in tonnes, written without a space, at the default 10 t per TEU: 350 TEU a train.
  CHECK(r.network.background[1].mean_teu() == Catch::Detail::Approx(350.0));
  CHECK(warnings_of(r) ==
        std::vector<std::string>{
            "w.yaml:15:26: warning: fleet 'sets' has 1 vehicles, but its services' timetables "
            "need 2.0 on mean run times and turnaround: departures will be cancelled",
            "w.yaml:22:5: warning: background traffic alone needs 32.0 lane-hours a day of the "
            "customs at B, which gives 24.0: it will queue without bound"});
}

TEST_CASE("validate warns of services, customs and yards that no route can use", "[io][load]") {
  // Containers from A to C on the train A-B-C. Customs at A, where the train starts and the
  // boxes begin (not cleared); a yard at C, where nothing boards; a mail van C-A that no flow
  // can ride (it takes only mail, and runs away from C). Customs at B (passed) and the yard at
  // A (boxes board there) are used.
  const std::string text = R"yaml(corsim: 1
nodes:
  - {id: A, name: Alpha, kind: rail_terminal, country: CN, coords: [44.0, 125.0],
     customs: {lanes: 1}, yard: {slots: 100 TEU}}
  - {id: B, name: Bravo, kind: border_crossing, country: CN, coords: [44.0, 126.0],
     customs: {lanes: 1}}
  - {id: C, name: Charlie, kind: gateway, country: CN, coords: [44.0, 127.0],
     yard: {slots: 100 TEU}}
links:
  - {id: A-B, from: A, to: B, mode: rail, gauge: 1435, length: 500 km, speed: 100 km/h}
  - {id: B-C, from: B, to: C, mode: rail, gauge: 1435, length: 500 km, speed: 100 km/h}
  - {id: C-A, from: C, to: A, mode: road, length: 900 km, speed: 60 km/h}
services:
  - {id: train, name: train, mode: rail, route: [A, B, C], vehicle: {type: train, wagons: 10},
     schedule: {every: 24 h}}
  - {id: van, name: van, mode: road, route: [C, A], vehicle: {type: truck, capacity: 1 TEU},
     schedule: {every: 24 h}, cargo: [mail]}
demand:
  - {id: A-C, from: A, to: C, volume: 1000 TEU/yr}
)yaml";
  const io::LoadResult r = io::try_load_network_text(text, "u.yaml");
  REQUIRE(r.ok());
  CHECK(warnings_of(r) ==
        std::vector<std::string>{
            "u.yaml:4:15: warning: customs at 'A': no vehicle clears there (vehicles clear where "
            "they pass, where boxes change rides and, vessels, at their first and last ports; a "
            "box's own origin and destination are not cleared)",
            "u.yaml:8:12: warning: yard at 'C': no box boards there on a mode it serves, so it "
            "holds nothing",
            "u.yaml:16:45: warning: service 'van': no demand flow can ride it (none reaches one "
            "of its stops and its destination from a later one, with a cargo class it takes)"});
}
