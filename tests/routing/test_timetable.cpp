#include "corsim/timetable.hpp"
#include "teaching_corridor.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>

using namespace corsim;
using namespace corsim::testing;

namespace {

TimetableQuery tt_query(NodeIndex from, NodeIndex to, double ready) {
  TimetableQuery q;
  q.from = from;
  q.to = to;
  q.ready = Hours(ready);
  return q;
}

} // namespace

TEST_CASE("Earliest arrival on the teaching corridor waits for the real departures",
          "[routing][timetable]") {
  Network net = teaching_corridor();
  const RoutingGraph g(net);
  const Timetable tt(g);
  SECTION("Changchun-Moscow, ready Monday 00:00: Monday train, shuttle, Saturday train") {
    auto it = tt.earliest_arrival(tt_query(CHC, MOW, 0.0));
    REQUIRE(it);
    REQUIRE(it->legs.size() == 3);
    CHECK(it->legs[0].service == S0);
    CHECK(it->legs[0].departure.value() == Approx(10));
    CHECK(it->legs[0].arrival.value() == Approx(40));
    CHECK(it->legs[1].service == S2);
    CHECK(it->legs[1].ready.value() == Approx(46)); // 6 h customs at Manzhouli
    CHECK(it->legs[1].departure.value() == Approx(48));
    CHECK(it->legs[2].service == S1);
    CHECK(it->legs[2].port == Port::Rail1520);
    CHECK(it->legs[2].ready.value() == Approx(57)); // 8 h gauge change + customs
    CHECK(it->legs[2].wait().value() == Approx(71));
    CHECK(it->arrival.value() == Approx(278));
    CHECK(it->cost.value() == Approx(3 * 100 + 2650));
  }
  SECTION("Changchun-Ningbo by rail, truck on demand and the Friday sailing") {
    auto it = tt.earliest_arrival(tt_query(CHC, NGB, 0.0));
    REQUIRE(it);
    REQUIRE(it->legs.size() == 3);
    CHECK(it->legs[0].departure.value() == Approx(8));
    CHECK(it->legs[1].on_demand);
    CHECK(it->legs[1].departure.value() == Approx(34)); // 28 + 4 h handling + 2 h checkpoint
    CHECK(it->legs[2].ready.value() == Approx(39));     // truck 3 h + 2 h seaport
    // The Friday 18:00 sailing (114 h) clears 12 h customs at SLA after loading: 114 + 12 + 110.
    CHECK(it->arrival.value() == Approx(236));
  }
  SECTION("ready just after the Thursday train: next Monday's") {
    auto it = tt.earliest_arrival(tt_query(CHC, MZL, 82.5));
    REQUIRE(it);
    CHECK(it->legs[0].departure.value() == Approx(168 + 10));
  }
  SECTION("an epoch on a Wednesday shifts the weekly departures") {
    net.settings.epoch = CivilDate{2023, 1, 4};
    const RoutingGraph g2(net);
    const Timetable tt2(g2);
    CHECK(tt2.next_departure(S0, 0, Hours(0)).value() == Approx(82 - 48));
    CHECK(tt2.next_departure(S0, 0, Hours(35)).value() == Approx(168 + 10 - 48));
  }
  SECTION("closed nodes and unknown cargo leave no itinerary") {
    auto q = tt_query(CHC, MOW, 0.0);
    q.filter.closed_nodes = {MZL};
    CHECK_FALSE(tt.earliest_arrival(q));
    net.services[S1].cargo = {CargoClass::Vehicles};
    const RoutingGraph g3(net);
    const Timetable tt3(g3);
    CHECK_FALSE(tt3.earliest_arrival(tt_query(CHC, MOW, 0.0)));
  }
  SECTION("the weekly profile is a non-decreasing step function over 7 days") {
    auto profile = tt.weekly_profile(tt_query(CHC, MOW, 0.0));
    REQUIRE(profile.size() == 168);
    for (std::size_t i = 0; i < profile.size(); ++i) {
      REQUIRE(profile[i].arrival);
      CHECK(*profile[i].arrival >= profile[i].ready);
      if (i > 0)
        CHECK(*profile[i].arrival >= *profile[i - 1].arrival);
    }
    CHECK(profile[0].arrival->value() == Approx(278));
  }
}

namespace {

/// Departure from the first stop at or after x, computed independently by enumeration.
double reference_departure(const Schedule &s, double x) {
  double best = std::numeric_limits<double>::infinity();
  if (s.kind == Schedule::Kind::Weekly) {
    for (double w = std::floor(x / 168) - 1; w <= std::floor(x / 168) + 1; ++w)
      for (Hours h : s.weekly)
        if (w * 168 + h.value() >= x)
          best = std::min(best, w * 168 + h.value());
  } else {
    for (double d = s.first.value(); d < x + 10 * s.every.value(); d += s.every.value())
      if (d >= x)
        best = std::min(best, d);
  }
  return best;
}

/// Which departures have room, by a hash of the departure and leg: about one leg in three is
/// full. Shared by the search (as a DepartureRoom) and the brute-force walk.
struct HashedRoom final : DepartureRoom {
  /// With a network, it also tells the search where the run of full departures from `start`
  /// on a leg ends (found by walking the departures), so that the search's jump is checked too.
  const Network *net = nullptr;
  static bool leg_full(ServiceIndex s, std::size_t leg, double start) {
    const auto key = static_cast<std::uint64_t>(std::llround(start * 8.0)) * 1000003u +
                     static_cast<std::uint64_t>(s) * 101u + leg;
    return (key * 0x9E3779B97F4A7C15ull >> 40) % 3 == 0;
  }
  [[nodiscard]] Hours full_before(ServiceIndex s, std::size_t leg, Hours start) const override;
  [[nodiscard]] bool fits(ServiceIndex s, std::size_t board, std::size_t alight,
                          Hours start) const override {
    for (std::size_t j = board; j < alight; ++j)
      if (leg_full(s, j, start.value()))
        return false;
    return true;
  }
};

Hours HashedRoom::full_before(ServiceIndex s, std::size_t leg, Hours start) const {
  if (net == nullptr)
    return start;
  double t = start.value();
  for (int step = 0; step < 1000 && leg_full(s, leg, t); ++step)
    t = reference_departure(net->services[s].schedule, t + 1e-3);
  return Hours(t);
}

/// Brute-force walk: try every sequence of rides over simple node sequences; with `room`,
/// each ride takes the first departure with room for the whole ride.
double brute_force_arrival(const Network &net, NodeIndex from, NodeIndex to, double ready,
                           const DepartureRoom *room = nullptr) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<bool> visited(net.nodes.size(), false);
  std::function<void(NodeIndex, double)> walk = [&](NodeIndex u, double t) {
    if (t >= best)
      return;
    if (u == to) {
      best = t;
      return;
    }
    visited[u] = true;
    for (const Service &s : net.services) {
      std::vector<double> arr{0}, dep{0};
      for (std::size_t j = 1; j < s.route.size(); ++j) {
        arr.push_back(dep.back() + net.links[s.legs[j - 1]].running_time.mean());
        dep.push_back(arr.back() + s.dwell.value());
      }
      for (std::size_t i = 0; i + 1 < s.route.size(); ++i) {
        if (s.route[i] != u)
          continue;
        for (std::size_t j = i + 1; j < s.route.size() && !visited[s.route[j]]; ++j) {
          double start = reference_departure(s.schedule, t - dep[i]);
          const auto service = static_cast<ServiceIndex>(&s - net.services.data());
          while (room != nullptr && start < ready + 5000.0 &&
                 !room->fits(service, i, j, Hours(start)))
            start = reference_departure(s.schedule, start + 1e-3);
          walk(s.route[j], start + arr[j]);
        }
      }
    }
    visited[u] = false;
  };
  walk(from, ready);
  return best;
}

Network random_timetable(unsigned seed) {
  Network net = random_network(seed, 7, 14, false);
  std::mt19937 rng(seed * 7 + 1);
  std::uniform_int_distribution<int> hour(0, 167);
  for (int k = 0; k < 8; ++k) {
    Service s;
    s.id = "R" + std::to_string(k);
    NodeIndex at = net.links[rng() % net.links.size()].from;
    s.route = {at};
    for (int step = 0; step < 3; ++step) {
      for (LinkIndex l = 0; l < net.links.size(); ++l) {
        const Link &link = net.links[(l + rng()) % net.links.size()];
        const NodeIndex next = link.from == at ? link.to : link.to == at ? link.from : at;
        if (next == at || std::find(s.route.begin(), s.route.end(), next) != s.route.end())
          continue;
        s.legs.push_back(static_cast<LinkIndex>(&link - net.links.data()));
        s.route.push_back(next);
        at = next;
        break;
      }
    }
    if (s.route.size() < 2)
      continue;
    s.dwell = Hours(rng() % 3);
    if (k % 3 == 2) {
      s.schedule.kind = Schedule::Kind::Interval;
      s.schedule.every = Hours(12 + rng() % 48);
      s.schedule.first = Hours(hour(rng));
    } else {
      for (int d = 0; d <= k % 3; ++d)
        s.schedule.weekly.push_back(Hours(hour(rng)));
    }
    net.services.push_back(s);
  }
  return net;
}

} // namespace

TEST_CASE("Earliest arrival equals a brute-force walk through random timetables",
          "[routing][timetable][oracle]") {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    const Network net = random_timetable(seed);
    const RoutingGraph g(net);
    const Timetable tt(g);
    for (double ready : {0.0, 37.5, 150.0}) {
      for (NodeIndex to = 1; to < 7; ++to) {
        const double ref = brute_force_arrival(net, 0, to, ready);
        auto it = tt.earliest_arrival(tt_query(0, to, ready));
        INFO("seed " << seed << " ready " << ready << " to " << to);
        if (!std::isfinite(ref)) {
          CHECK_FALSE(it);
          continue;
        }
        REQUIRE(it);
        CHECK(it->arrival.value() == Approx(ref).epsilon(1e-12));
        // The itinerary is consistent: each ride leaves after the box is ready.
        for (const TimetableLeg &leg : it->legs)
          CHECK(leg.departure >= leg.ready);
      }
    }
  }
}

namespace {

/// The departures named (service, start at its first stop, hours) are full; the rest have room.
struct FullDepartures final : DepartureRoom {
  std::vector<std::pair<ServiceIndex, double>> full;
  [[nodiscard]] bool fits(ServiceIndex s, std::size_t, std::size_t, Hours start) const override {
    return std::none_of(full.begin(), full.end(), [&](const auto &f) {
      return f.first == s && std::abs(f.second - start.value()) < 1e-6;
    });
  }
};

} // namespace

TEST_CASE("A full departure sends the box to the next one, by hand on the teaching corridor",
          "[routing][timetable]") {
  const Network net = teaching_corridor();
  const RoutingGraph g(net);
  const Timetable tt(g);
  FullDepartures room;
  SECTION("Monday's S0 is full: Thursday's, 82 h, arriving 30 h later at Manzhouli") {
    room.full = {{S0, 10.0}};
    auto q = tt_query(CHC, MZL, 0.0);
    q.room = &room;
    auto it = tt.earliest_arrival(q);
    REQUIRE(it);
    CHECK(it->legs[0].departure.value() == Approx(82));
    CHECK(it->arrival.value() == Approx(112));
  }
  SECTION("Saturday's S1 out of Zabaikalsk is full: next Tuesday's, 32 + 168 = 200 h") {
    // Without room rules: ZBK ready at 57 h, Saturday 128 h, Moscow at 278 h (150 h on S1).
    room.full = {{S1, 128.0}};
    auto q = tt_query(CHC, MOW, 0.0);
    q.room = &room;
    auto it = tt.earliest_arrival(q);
    REQUIRE(it);
    CHECK(it->legs.back().service == S1);
    CHECK(it->legs.back().departure.value() == Approx(200));
    CHECK(it->arrival.value() == Approx(200 + 150));
  }
}

TEST_CASE("Earliest arrival on departures with room equals the brute-force walk",
          "[routing][timetable][oracle]") {
  int delayed = 0; // queries whose answer the full departures change
  for (unsigned seed = 1; seed <= 30; ++seed) {
    const Network net = random_timetable(seed);
    const RoutingGraph g(net);
    const Timetable tt(g);
    for (const bool jump : {false, true}) { // also over runs of full departures at once
      HashedRoom room;
      room.net = jump ? &net : nullptr;
      for (double ready : {0.0, 37.5, 150.0}) {
        for (NodeIndex to = 1; to < 7; ++to) {
          const double ref = brute_force_arrival(net, 0, to, ready, &room);
          auto q = tt_query(0, to, ready);
          q.room = &room;
          auto it = tt.earliest_arrival(q);
          INFO("seed " << seed << " ready " << ready << " to " << to << " jump " << jump);
          if (!std::isfinite(ref)) {
            CHECK_FALSE(it);
            continue;
          }
          REQUIRE(it);
          CHECK(it->arrival.value() == Approx(ref).epsilon(1e-12));
          delayed += it->arrival.value() > brute_force_arrival(net, 0, to, ready) + 1e-9 ? 1 : 0;
          for (const TimetableLeg &leg : it->legs) { // every ride it takes has room
            if (leg.on_demand)
              continue;
            const Service &s = net.services[leg.service];
            const auto board = std::find(s.route.begin(), s.route.end(), leg.from);
            const auto alight = std::find(board, s.route.end(), leg.to);
            const Hours start =
                leg.departure - tt.departure_offset(leg.service, board - s.route.begin());
            CHECK(room.fits(leg.service, board - s.route.begin(), alight - s.route.begin(), start));
          }
        }
      }
    }
  }
  CHECK(delayed > 100); // the full departures matter in many of the 1,080 queries
}

TEST_CASE("A truck service stops at the road checkpoints it passes", "[routing][timetable]") {
  // A --150 km at 50 km/h-- K (checkpoint, 1 h) --60 km at 40 km/h-- P; trucks leave at the
  // latest 12 h after the box is ready. Ready 08:00: leave 20:00, K 23:00-24:00, P 01:30.
  Network net;
  for (const char *id : {"A", "K", "P"}) {
    Node n;
    n.id = n.name = id;
    net.nodes.push_back(n);
  }
  net.nodes[1].road_checkpoint.emplace();
  net.nodes[1].road_checkpoint->time = DistributionSpec::fixed(1.0);
  auto road = [](NodeIndex a, NodeIndex b, double km, double kmh) {
    Link l;
    l.from = a;
    l.to = b;
    l.mode = Mode::Road;
    l.length = Km(km);
    l.running_time = DistributionSpec::fixed(km / kmh);
    return l;
  };
  net.links = {road(0, 1, 150, 50), road(1, 2, 60, 40)};
  Service truck;
  truck.id = "truck";
  truck.mode = Mode::Road;
  truck.route = {0, 1, 2};
  truck.legs = {0, 1};
  truck.vehicle.type = VehicleType::Truck;
  truck.vehicle.capacity = Teu(2);
  truck.schedule.kind = Schedule::Kind::Dispatch;
  truck.schedule.max_wait = Hours(12);
  net.services = {truck};
  const RoutingGraph graph(net);
  const auto it = Timetable(graph).earliest_arrival(tt_query(0, 2, 8.0));
  REQUIRE(it);
  CHECK(it->arrival.value() == Catch::Detail::Approx(20.0 + 3.0 + 1.0 + 1.5));
}

TEST_CASE("A road service's driver owes the rests of its earlier legs, as in the simulation",
          "[routing][timetable][driver]") {
  Network net;
  for (const char *id : {"A", "B", "C"}) {
    Node n;
    n.id = id;
    net.nodes.push_back(n);
  }
  for (NodeIndex i = 0; i < 2; ++i) {
    Link l;
    l.id = "road" + std::to_string(i);
    l.from = i;
    l.to = i + 1;
    l.mode = Mode::Road;
    l.running_time = DistributionSpec::fixed(3.0);
    net.links.push_back(l);
  }
  Service s;
  s.id = "truck";
  s.mode = Mode::Road;
  s.route = {0, 1, 2};
  s.legs = {0, 1};
  s.vehicle.type = VehicleType::Truck;
  s.schedule.weekly = {Hours(0.0)};
  net.services = {s};
  DwellOptions with_rests;
  with_rests.driver_hours = DriverHoursRules{};
  const RoutingGraph g(net, with_rests);
  const Timetable tt(g);
  // Each leg alone is under 4.5 h; together the driver takes a 45-min break on the second.
  CHECK(tt.arrival_offset(0, 1).value() == Approx(3.0));
  CHECK(tt.arrival_offset(0, 2).value() == Approx(6.75));
  CHECK(tt.running_time(net.links[1]).value() == Approx(3.0)); // on demand: a rested driver
  const RoutingGraph plain(net);
  CHECK(Timetable(plain).arrival_offset(0, 2).value() == Approx(6.0)); // rules off
}
