#include "output_fixtures.hpp"

#include <cmath>

namespace corsim::test {

using model::Estimate;

Network output_network() {
  Network net;
  net.name = "Output <test> corridor";
  auto node = [&](std::string id, double lat, double lon) {
    Node n;
    n.id = n.name = std::move(id);
    n.lat = lat, n.lon = lon;
    net.nodes.push_back(n);
  };
  node("A", 44.0, 125.0);
  node("B<&\"x", 44.0, 131.0); // escaping in HTML, JSON and CSV
  node("C", 30.0, 122.0);
  Link ab;
  ab.id = "A-B", ab.from = 0, ab.to = 1, ab.mode = Mode::Rail, ab.length = Km(500);
  Link ac;
  ac.id = "A-C", ac.from = 0, ac.to = 2, ac.mode = Mode::Sea, ac.length = Km(1800);
  net.links = {ab, ac};
  return net;
}

namespace {

Estimate est(double mean, double hw = 0.5) { return {mean, hw, 3}; }

model::OdResult flow(std::string id, NodeIndex to, double transit_hours) {
  model::OdResult o;
  o.flow = std::move(id);
  o.origin = 0, o.destination = to;
  o.transit_mean = est(transit_hours), o.transit_p50 = est(transit_hours * 0.9);
  o.transit_p90 = est(transit_hours * 1.3), o.transit_p95 = est(transit_hours * 1.5);
  o.transit_max = est(transit_hours * 2);
  o.on_time_share = est(0.8, 0.05), o.delivered_teu_per_year = est(1000, 50);
  o.wait_hours[static_cast<int>(model::WaitCause::Departure)] = est(10);
  o.wait_hours[static_cast<int>(model::WaitCause::Customs)] = est(5);
  o.transit_histogram = {0.0, 0.1, 0.4, 0.3, 0.2};
  o.transit_bin = Hours(24.0);
  return o;
}

model::FacilityResult facility(NodeIndex node, model::FacilityKind kind, double util) {
  model::FacilityResult f;
  f.node = node, f.kind = kind, f.capacity = 2;
  f.utilisation = est(util, 0.01), f.mean_queue = est(1.5, 0.2);
  f.delay_teu_hours_per_year = est(1200, 100);
  return f;
}

model::KeyResult key(std::string subject, std::string measure, std::string unit,
                     std::vector<double> reps) {
  return {std::move(subject), std::move(measure), std::move(unit), std::move(reps), est(1.0)};
}

} // namespace

model::SimulationResults output_results() {
  model::SimulationResults r;
  r.measured = days(28.0);
  r.od = {flow("A-B box", 1, 72), flow("A-C, sea", 2, 120)};
  r.facilities = {facility(0, model::FacilityKind::Handling, 0.3),
                  facility(1, model::FacilityKind::Customs, 0.9)};
  model::ServiceResult s;
  s.id = "AB-train", s.capacity = Teu(100), s.departures_per_year = est(104);
  s.load_factor = est(0.6, 0.02);
  r.services = {s};
  r.links = {{0, est(1000, 50), est(104, 0), est(0.5, 0.01)}, {1, est(500, 20), est(52, 0), {}}};
  r.over_time.period = days(7.0);
  r.over_time.facility_utilisation = {{0.2, 0.3, 0.4, 0.3}, {0.8, 0.9, 1.0, 0.9}};
  r.over_time.facility_queue = {{0, 1, 2, 1}, {3, 4, 5, 4}};
  r.over_time.service_departures = {{2, 2, 2, 2}};
  r.over_time.service_teu = {{120, 110, 130, 125}};
  r.bottlenecks = {{"customs at B<&\"x", 1200, 0.9}, {"handling at A", 300, 0.3}};
  r.replications.resize(3);
  r.key = {key("A-B box", "transit mean", "d", {3.0, 3.1, 2.9}),
           key("A-B box", "delivered", "TEU/yr", {990, 1000, 1010}),
           key("A-C, sea", "transit mean", "d", {5.0, 5.2, 4.8}),
           key("handling at A", "utilisation", "share", {0.3, 0.31, 0.29}),
           key("customs at B<&\"x", "utilisation", "share", {0.9, NAN, 0.88})};
  r.warnings = {"a <warning> to escape"};
  return r;
}

std::vector<model::Difference> output_differences() {
  return {{"A-B box", "transit mean", "d", est(3.0), est(2.5), {-0.5, 0.2, 3}, true},
          {"A-C, sea", "transit mean", "d", est(5.0), est(5.1), {0.1, 0.3, 3}, false}};
}

} // namespace corsim::test
