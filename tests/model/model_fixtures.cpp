#include "model_fixtures.hpp"

namespace corsim::model::testing {

Node node(const char *id, NodeKind kind) {
  Node n;
  n.id = id;
  n.name = id;
  n.kind = kind;
  n.country = "CN";
  return n;
}

Link rail(const char *id, NodeIndex from, NodeIndex to, Gauge g, double hours) {
  Link l;
  l.id = id;
  l.from = from;
  l.to = to;
  l.mode = Mode::Rail;
  l.gauge = g;
  l.length = Km(hours * 50.0);
  l.running_time = DistributionSpec::fixed(hours);
  return l;
}

DemandFlow scheduled(NodeIndex from, NodeIndex to, double teu_each, double every_hours) {
  DemandFlow f;
  f.id = "flow";
  f.origin = from;
  f.destination = to;
  f.arrivals = ArrivalProcess::Scheduled;
  f.size = DistributionSpec::fixed(teu_each);
  f.volume = TeuPerYear(teu_each * hours_per_year / every_hours);
  return f;
}

Network line(int wagons) {
  Network net;
  net.name = "line";
  net.nodes = {node("A", NodeKind::RailTerminal), node("B", NodeKind::BorderCrossing),
               node("C", NodeKind::Gateway)};
  Customs c;
  c.lanes = 1;
  c.time = DistributionSpec::fixed(4.0);
  net.nodes[1].customs = c;
  GaugeChange g;
  g.transfer_tracks = 1;
  g.lifts_per_track = PerHour(10.0);
  net.nodes[1].gauge_change = g;
  net.links = {rail("A-B", 0, 1, Gauge::Standard, 10.0), rail("B-C", 1, 2, Gauge::Broad, 20.0)};
  Service s;
  s.id = "train";
  s.mode = Mode::Rail;
  s.route = {0, 1, 2};
  s.legs = {0, 1};
  s.vehicle.type = VehicleType::Train;
  s.vehicle.wagons = wagons;
  s.vehicle.teu_per_wagon = Teu(2.0);
  s.vehicle.capacity = Teu(2.0 * wagons);
  s.schedule.kind = Schedule::Kind::Weekly;
  s.schedule.weekly = {Hours(10.0)};
  net.services = {s};
  net.demand = {scheduled(0, 2, 2.0, 24.0)};
  return net;
}

DemandFlow booked(const char *id, NodeIndex from, NodeIndex to,
                  std::vector<std::pair<double, double>> bookings) {
  DemandFlow f;
  f.id = id;
  f.origin = from;
  f.destination = to;
  f.arrivals = ArrivalProcess::Bookings;
  for (const auto &[at, teu] : bookings)
    f.bookings.push_back({Hours(at), Teu(teu)});
  return f;
}

Disruption weather_on(LinkIndex l, double from, double to, double delay) {
  Disruption d;
  d.id = "weather";
  d.kind = DisruptionKind::Weather;
  d.target = DisruptionTarget::Link;
  d.index = l;
  d.window = TimeWindow{Hours(from), Hours(to)};
  d.delay = DistributionSpec::fixed(delay);
  return d;
}

SimulationOptions options(double days_measured, double warmup_days) {
  SimulationOptions o;
  o.horizon = days(days_measured);
  o.warmup = days(warmup_days);
  o.seed = 7;
  o.route_choice = RouteChoice::EarliestArrival; // the hand calculations follow the timetable
  return o;
}

Link road(const char *id, NodeIndex from, NodeIndex to, double hours) {
  Link l;
  l.id = id;
  l.from = from;
  l.to = to;
  l.mode = Mode::Road;
  l.length = Km(hours * 50.0);
  l.running_time = DistributionSpec::fixed(hours);
  return l;
}

Network truck_road() {
  Network net;
  net.name = "road";
  net.nodes = {node("A", NodeKind::Hub), node("K", NodeKind::RoadCheckpoint)};
  net.links = {road("A-K", 0, 1, 2.0)};
  Service s;
  s.id = "truck";
  s.mode = Mode::Road;
  s.route = {0, 1};
  s.legs = {0};
  s.vehicle.type = VehicleType::Truck;
  s.vehicle.capacity = Teu(2.0);
  s.schedule.kind = Schedule::Kind::Dispatch;
  s.schedule.max_wait = Hours(12.0);
  net.services = {s};
  return net;
}

} // namespace corsim::model::testing
