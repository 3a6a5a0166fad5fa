#include "teaching_corridor.hpp"

#include <random>

namespace corsim::testing {

namespace {

Node node(const char *id, const char *name, const char *country, NodeKind kind) {
  Node n;
  n.id = id;
  n.name = name;
  n.local_name = name;
  n.country = country;
  n.kind = kind;
  return n;
}

Link link(const char *id, NodeIndex from, NodeIndex to, Mode mode, Gauge gauge, double km,
          double hours, double usd, double g_per_tkm) {
  Link l;
  l.id = id;
  l.from = from;
  l.to = to;
  l.mode = mode;
  l.gauge = gauge;
  l.length = Km(km);
  l.running_time = DistributionSpec::fixed(hours);
  l.cost = Usd(usd);
  l.co2 = GramsPerTkm(g_per_tkm);
  return l;
}

Service service(const char *id, Mode mode, std::vector<NodeIndex> route,
                std::vector<LinkIndex> legs, Schedule schedule) {
  Service s;
  s.id = id;
  s.name = id;
  s.mode = mode;
  s.route = std::move(route);
  s.legs = std::move(legs);
  s.schedule = std::move(schedule);
  s.tariff = Usd(100.0);
  return s;
}

Schedule weekly(std::vector<double> hours) {
  Schedule s;
  s.kind = Schedule::Kind::Weekly;
  for (double h : hours)
    s.weekly.push_back(Hours(h));
  return s;
}

Schedule every(double headway, double first) {
  Schedule s;
  s.kind = Schedule::Kind::Interval;
  s.every = Hours(headway);
  s.first = Hours(first);
  return s;
}

void add_nodes(Network &net) {
  net.nodes.push_back(node("CHC", "Changchun", "CN", NodeKind::RailTerminal));
  net.nodes.back().handling = Handling{2, PerHour(25.0)}; // 100 TEU in 2 h
  net.nodes.push_back(node("MZL", "Manzhouli", "CN", NodeKind::BorderCrossing));
  Customs mzl;
  mzl.time = DistributionSpec::fixed(4.0);
  mzl.inspection_share = 0.25;
  mzl.inspection_time = DistributionSpec::fixed(8.0); // expected 4 + 0.25 × 8 = 6 h
  net.nodes.back().customs = mzl;
  net.nodes.push_back(node("ZBK", "Zabaikalsk", "RU", NodeKind::BorderCrossing));
  Customs zbk;
  zbk.time = DistributionSpec::fixed(6.0);
  net.nodes.back().customs = zbk;
  net.nodes.back().gauge_change = GaugeChange{2, PerHour(25.0)}; // 100 TEU in 2 h
  net.nodes.push_back(node("MOW", "Moscow", "RU", NodeKind::RailTerminal));
  net.nodes.push_back(node("HUN", "Hunchun", "CN", NodeKind::RoadCheckpoint));
  net.nodes.back().handling = Handling{1, PerHour(25.0)}; // 4 h
  RoadCheckpoint hun;
  hun.time = DistributionSpec::fixed(2.0);
  net.nodes.back().road_checkpoint = hun;
  net.nodes.push_back(node("SLA", "Slavyanka", "RU", NodeKind::Seaport));
  net.nodes.back().seaport = Seaport{1, 2, PerHour(25.0)}; // 2 h
  Customs sla;
  sla.time = DistributionSpec::fixed(12.0);
  net.nodes.back().customs = sla;
  net.nodes.push_back(node("NGB", "Ningbo", "CN", NodeKind::Seaport));
  net.nodes.back().seaport = Seaport{2, 2, PerHour(25.0)};
  net.nodes.push_back(node("SFH", "Suifenhe", "CN", NodeKind::BorderCrossing));
  Customs sfh;
  sfh.time = DistributionSpec::fixed(4.0);
  net.nodes.back().customs = sfh;
  net.nodes.push_back(node("USS", "Ussuriysk", "RU", NodeKind::RailTerminal));
  net.nodes.back().gauge_change = GaugeChange{2, PerHour(25.0)}; // 2 h
}

void add_links(Network &net) {
  const Mode rail = Mode::Rail;
  net.links.push_back(link("L0", CHC, MZL, rail, Gauge::Standard, 1200, 30, 600, 20));
  net.links.push_back(link("L1", MZL, ZBK, rail, Gauge::Dual, 10, 1, 50, 20));
  net.links.push_back(link("L2", ZBK, MOW, rail, Gauge::Broad, 6600, 150, 2000, 15));
  net.links.push_back(link("L3", CHC, HUN, rail, Gauge::Standard, 600, 20, 300, 20));
  net.links.push_back(link("L4", HUN, SLA, Mode::Road, Gauge::None, 120, 3, 250, 80));
  net.links.push_back(link("L5", SLA, NGB, Mode::Sea, Gauge::None, 1850, 110, 400, 10));
  net.links.push_back(link("L6", CHC, SFH, rail, Gauge::Standard, 800, 20, 400, 20));
  net.links.push_back(link("L7", SFH, USS, rail, Gauge::Dual, 130, 4, 100, 20));
  net.links.push_back(link("L8", USS, MOW, rail, Gauge::Broad, 9200, 190, 1500, 15));
  net.links.push_back(link("L9", CHC, NGB, rail, Gauge::Standard, 2300, 60, 1200, 20));
  for (Link &l : net.links)
    l.capacity = PerHour(1.0 / 24.0); // one path a day
}

} // namespace

Network teaching_corridor() {
  Network net;
  net.name = "teaching corridor";
  net.settings.value_of_time = {Usd(1.0), Usd(2.0), Usd(30.0), Usd(4.0)};
  add_nodes(net);
  add_links(net);
  net.services.push_back(service("S0", Mode::Rail, {CHC, MZL}, {L0}, weekly({10, 82})));
  net.services.push_back(service("S1", Mode::Rail, {ZBK, MOW}, {L2}, weekly({32, 128})));
  net.services.push_back(service("S2", Mode::Rail, {MZL, ZBK}, {L1}, every(6, 0)));
  net.services.push_back(service("S3", Mode::Sea, {SLA, NGB}, {L5}, weekly({114})));
  net.services.push_back(service("S4", Mode::Rail, {CHC, HUN}, {L3}, every(24, 8)));
  return net;
}

Network random_network(unsigned seed, int nodes, int arcs, bool oneway) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, nodes - 1);
  std::uniform_real_distribution<double> value(1.0, 100.0);
  Network net;
  for (int i = 0; i < nodes; ++i)
    net.nodes.push_back(node(("N" + std::to_string(i)).c_str(), "", "CN", NodeKind::Hub));
  for (int i = 0; i < arcs; ++i) {
    const auto from = static_cast<NodeIndex>(pick(rng));
    const auto to = static_cast<NodeIndex>(pick(rng));
    if (from == to)
      continue;
    Link l = link(("A" + std::to_string(i)).c_str(), from, to, Mode::Rail, Gauge::Standard,
                  value(rng), value(rng), value(rng), 0.0);
    l.co2 = GramsPerTkm(value(rng) * 1e5 / l.length.value()); // co2 = value(rng) tonnes
    l.oneway = oneway;
    l.capacity = PerHour(value(rng));
    net.links.push_back(l);
  }
  net.settings.tonnes_per_teu = Tonnes(10.0);
  return net;
}

} // namespace corsim::testing
