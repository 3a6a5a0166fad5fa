// The plan and the run agree step by step: every box that kept its plan rode exactly the rides
// its planned itinerary names (service, boarding and alighting node, in order), as the trace
// records them and as the timetable plans them independently of the model.
#include "model_fixtures.hpp"

#include "corsim/driver_hours.hpp"
#include "corsim/io/load.hpp"
#include "corsim/timetable.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <tuple>

using namespace corsim;
using namespace corsim::model;
using namespace corsim::model::testing;

namespace {

using Ride = std::tuple<std::uint32_t, NodeIndex, NodeIndex>; ///< (service or link, from, to)

struct Walk {
  NodeIndex origin = 0;
  NodeIndex destination = 0;
  double ready = 0.0;
  std::vector<Ride> rides;
  NodeIndex boarded_at = 0;
  bool replanned = false;
  bool delivered = false;
};

/// Each flow's (origin, destination) -> cargo, for the pairs that one flow alone serves.
std::map<std::pair<NodeIndex, NodeIndex>, CargoClass> unique_pairs(const Network &net) {
  std::map<std::pair<NodeIndex, NodeIndex>, int> count;
  for (const DemandFlow &f : net.demand)
    ++count[{f.origin, f.destination}];
  std::map<std::pair<NodeIndex, NodeIndex>, CargoClass> out;
  for (const DemandFlow &f : net.demand)
    if (count[{f.origin, f.destination}] == 1)
      out[{f.origin, f.destination}] = f.cargo;
  return out;
}

/// Runs `net` by earliest arrival with a trace and compares every executed itinerary that kept
/// its plan with the timetable's; returns how many were compared.
std::size_t compare_walks(const Network &net, double days_run) {
  SimulationOptions o = options(days_run);
  o.replications = 1;
  std::map<std::uint64_t, Walk> walks;
  o.trace = [&](const TraceEvent &e) {
    if (e.consignment == 0)
      return;
    Walk &w = walks[e.consignment];
    switch (e.kind) {
    case TraceEvent::Kind::Ready:
      w.origin = e.node;
      w.ready = e.time;
      break;
    case TraceEvent::Kind::Boarded:
      w.boarded_at = e.node;
      break;
    case TraceEvent::Kind::Alighted:
      w.rides.emplace_back(e.service, w.boarded_at, e.node);
      break;
    case TraceEvent::Kind::Replanned:
      w.replanned = true;
      break;
    case TraceEvent::Kind::Delivered:
      w.destination = e.node;
      w.delivered = true;
      break;
    default:
      break;
    }
  };
  simulate(net, o);

  DwellOptions dwell; // as the model plans: with the driver-hours rules its trucks follow
  dwell.driver_hours = DriverHoursRules{};
  const RoutingGraph graph(net, dwell);
  const Timetable tt(graph);
  const auto cargo = unique_pairs(net);
  std::size_t compared = 0;
  for (const auto &[id, w] : walks) {
    const auto c = cargo.find({w.origin, w.destination});
    if (!w.delivered || w.replanned || c == cargo.end())
      continue;
    TimetableQuery q;
    q.from = w.origin;
    q.to = w.destination;
    q.ready = Hours(w.ready);
    q.cargo = c->second;
    q.horizon = o.plan_horizon;
    const auto it = tt.earliest_arrival(q);
    REQUIRE(it);
    std::vector<Ride> planned;
    for (const TimetableLeg &l : it->legs)
      planned.emplace_back(l.on_demand ? UINT32_MAX : static_cast<std::uint32_t>(l.service), l.from,
                           l.to);
    std::vector<Ride> rode = w.rides;
    for (std::size_t i = 0; i < rode.size() && i < planned.size(); ++i)
      if (std::get<0>(planned[i]) == UINT32_MAX && std::get<0>(rode[i]) >= net.services.size())
        std::get<0>(rode[i]) = UINT32_MAX; // an on-demand truck: the model's own service
    INFO("consignment " << id << " ready at " << w.ready << " h");
    CHECK(rode == planned);
    ++compared;
  }
  return compared;
}

} // namespace

TEST_CASE("Every executed itinerary follows its plan, ride by ride", "[model][plan]") {
  SECTION("teaching corridor: trains, trucks, a feeder ship") {
    const Network net =
        io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
    CHECK(compare_walks(net, 60.0) > 500);
  }
  SECTION("Jilin: changes of train and gauge, ports, TIR trucks, mail") {
    const Network net = io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/jilin.yaml");
    CHECK(compare_walks(net, 45.0) > 500);
  }
}
