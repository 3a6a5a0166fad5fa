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
