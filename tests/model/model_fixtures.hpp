#pragma once
// Small networks built in code, with hand-computable answers, for the model's tests.

#include "corsim/model/results.hpp"
#include "corsim/model/simulation.hpp"
#include "corsim/network.hpp"

namespace corsim::model::testing {

Node node(const char *id, NodeKind kind);
Link rail(const char *id, NodeIndex from, NodeIndex to, Gauge g, double hours);
Link road(const char *id, NodeIndex from, NodeIndex to, double hours);
/// One consignment of `teu_each` TEU every `every_hours`, the first at time 0.
DemandFlow scheduled(NodeIndex from, NodeIndex to, double teu_each, double every_hours);
/// Flow `id` from `from` to `to` of the bookings given: (hours from the epoch, TEU) each.
DemandFlow booked(const char *id, NodeIndex from, NodeIndex to,
                  std::vector<std::pair<double, double>> bookings);
/// Weather on link `l` from `from` to `to` hours, adding `delay` hours to every leg begun then.
Disruption weather_on(LinkIndex l, double from, double to, double delay);
/// A ==10 h, 1435== B ==20 h, 1520== C. Customs at B: one lane, 4 h fixed, no inspection;
/// a gauge-change yard at B lifting 10 TEU/h on one track; no wagon pool. One train of
/// `wagons` × 2 TEU leaves A on Mondays at 10:00 (the epoch is a Monday) and runs to C.
/// One consignment of 2 TEU is ready at A every 24 h, from time 0.
Network line(int wagons);
/// A --2 h road-- K. Trucks of 2 TEU dispatched when full or after 12 h; no demand.
Network truck_road();
/// Measures `days_measured` days after `warmup_days`; one replication; seed 7; earliest arrival.
SimulationOptions options(double days_measured, double warmup_days = 0.0);
/// Mean hours per consignment of a flow spent waiting for `c`.
inline double cause(const OdResult &od, WaitCause c) {
  return od.wait_hours[static_cast<int>(c)].mean;
}

} // namespace corsim::model::testing
