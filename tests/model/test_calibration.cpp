// Calibration of the default corridor (corridors/jilin.yaml) against the reported figures of
// /work/shared/CORRIDOR_DATA.md, within ±15% (docs/calibration.md has the table and sources).
#include "corsim/io/load.hpp"
#include "corsim/model/simulation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <map>
#include <string>

using namespace corsim;
using namespace corsim::model;

namespace {

/// Mean hours from a vehicle's departure from its first stop to its arrival at `to`, over the
/// trips of service `service` that arrived there.
struct RunTimes {
  std::map<std::uint64_t, double> left; // trip -> departure from the first stop
  double sum = 0.0;
  int n = 0;
  [[nodiscard]] double mean_days() const { return n ? sum / n / 24.0 : 0.0; }
};

bool within(double simulated, double reported, double tolerance = 0.15) {
  return simulated >= reported * (1.0 - tolerance) && simulated <= reported * (1.0 + tolerance);
}

} // namespace

TEST_CASE("The Jilin corridor meets the reported figures within 15%", "[model][calibration]") {
  const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/jilin.yaml");
  const std::vector<std::string> ids = service_ids(net);
  const auto service = [&](const std::string &id) {
    const auto it = std::find(ids.begin(), ids.end(), id);
    REQUIRE(it != ids.end());
    return static_cast<std::uint32_t>(it - ids.begin());
  };
  // service -> (first stop, measured stop)
  const std::map<std::uint32_t, std::pair<NodeIndex, NodeIndex>> legs = {
      {service("CMO"), {net.find_node("CCX"), net.find_node("DUI")}},
      {service("CTO"), {net.find_node("CCX"), net.find_node("BRE")}},
      {service("ZAR-NGB-ship"), {net.find_node("ZAR"), net.find_node("NGB")}}};
  std::map<std::uint32_t, RunTimes> runs;
  SimulationOptions o; // the defaults a planner gets: logit route choice with booking
  o.horizon = days(150.0);
  o.warmup = days(30.0);
  o.trace = [&](const TraceEvent &e) {
    const auto it = legs.find(e.service);
    if (it == legs.end())
      return;
    RunTimes &r = runs[e.service];
    if (e.kind == TraceEvent::Kind::Departed && e.node == it->second.first)
      r.left[e.trip] = e.time;
    if (e.kind == TraceEvent::Kind::Arrived && e.node == it->second.second &&
        r.left.count(e.trip)) {
      r.sum += e.time - r.left[e.trip];
      ++r.n;
    }
  };
  const SimulationResults res = simulate(net, o);

  SECTION("长满欧 Changchun -> Germany: 14-18 days (CD §1 '长满欧 ...' S)") {
    REQUIRE(runs[service("CMO")].n >= 30);
    INFO("simulated " << runs[service("CMO")].mean_days() << " d");
    CHECK(within(runs[service("CMO")].mean_days(), 16.0));
  }
  SECTION("长同欧 Changchun -> Eastern Europe: about 25 days (CD seed)") {
    REQUIRE(runs[service("CTO")].n >= 8);
    INFO("simulated " << runs[service("CTO")].mean_days() << " d");
    CHECK(within(runs[service("CTO")].mean_days(), 25.0));
  }
  SECTION("Zarubino -> Ningbo sailing: 4-5 days (CD §3 'Sailing times' S)") {
    REQUIRE(runs[service("ZAR-NGB-ship")].n >= 15);
    INFO("simulated " << runs[service("ZAR-NGB-ship")].mean_days() << " d");
    CHECK(within(runs[service("ZAR-NGB-ship")].mean_days(), 4.5));
  }
  SECTION("2023: 14,184 TEU by China-Europe train (CD seed), on the trains") {
    const std::vector<std::uint32_t> trains = {service("CMO"), service("CHO"), service("CTO"),
                                               service("CSO")};
    double by_train = 0.0;
    for (const OdResult &od : res.od) {
      if (od.origin != net.find_node("CCX") || od.flow.find("tir") != std::string::npos)
        continue;
      const std::string to = net.nodes[od.destination].id;
      if (to != "MOW" && to != "DUI" && to != "BRE")
        continue;
      for (const RouteResult &r : od.routes) {
        bool rail = true;
        for (std::uint32_t s : r.services)
          rail = rail && std::find(trains.begin(), trains.end(), s) != trains.end();
        if (rail)
          by_train += r.share.mean * od.delivered_teu_per_year.mean;
      }
    }
    INFO("simulated " << by_train << " TEU/yr by train");
    CHECK(within(by_train, 14184.0));
    for (std::uint32_t s : trains) { // plausible utilisation: used, and never over full
      INFO(res.services[s].id);
      CHECK(res.services[s].load_factor.mean > 0.3);
      CHECK(res.services[s].load_factor.mean <= 1.0);
    }
  }
}
