// Demand: consignments generated per flow, planned on the timetable, split to vehicle size.
#include "replication.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corsim::model::detail {

namespace {
/// Mean hours between consignments of a flow.
double mean_gap(const DemandFlow &f) { return f.size.mean() * hours_per_year / f.volume.value(); }
} // namespace

void Replication::start_flow(std::uint32_t f) {
  const DemandFlow &flow = net.demand[f];
  if (flow.arrivals == ArrivalProcess::Bookings || !(flow.volume.value() > 0.0))
    return; // bookings files are not read by the model yet (reported by simulate())
  const double gap = mean_gap(flow);
  const Tick first =
      flow.arrivals == ArrivalProcess::Poisson ? to_ticks(exponential(flow_rng[f], gap)) : 0;
  if (first <= end)
    eng.schedule_at(first, [this, f] { generate(f); });
}

void Replication::generate(std::uint32_t f) {
  const DemandFlow &flow = net.demand[f];
  const double teu = sample(flow.size, flow_rng[f]);
  if (teu > 0.0)
    release(flow, teu);
  const double gap = mean_gap(flow);
  const double dt = flow.arrivals == ArrivalProcess::Poisson ? exponential(flow_rng[f], gap) : gap;
  const Tick next = eng.now() + std::max<Tick>(1, to_ticks(dt));
  if (next <= end)
    eng.schedule_at(next, [this, f] { generate(f); });
}

std::optional<Itinerary> Replication::earliest(const DemandFlow &flow,
                                               const RouteFilter &filter) const {
  TimetableQuery q;
  q.from = flow.origin;
  q.to = flow.destination;
  q.ready = to_hours(eng.now());
  q.cargo = flow.cargo;
  q.filter = filter;
  q.horizon = in.options->plan_horizon;
  return in.timetable->earliest_arrival(q);
}

// Earliest arrival, or a logit draw among the earliest itineraries on each alternative route,
// priced by generalised cost per TEU (tariffs + value of time × transit).
std::optional<Itinerary> Replication::plan(const DemandFlow &flow) {
  const auto f = static_cast<std::size_t>(&flow - net.demand.data());
  if (in.options->route_choice != RouteChoice::Logit || in.choice_sets[f].empty())
    return earliest(flow, RouteFilter{});
  std::vector<Itinerary> options;
  std::vector<double> cost;
  const auto c = static_cast<std::size_t>(flow.cargo);
  const double vot =
      c < net.settings.value_of_time.size() ? net.settings.value_of_time[c].value() : 0.0;
  for (const RouteFilter &filter : in.choice_sets[f])
    if (auto it = earliest(flow, filter)) {
      cost.push_back(it->cost.value() + vot * it->duration().value());
      options.push_back(std::move(*it));
    }
  if (options.empty())
    return std::nullopt;
  const double best = *std::min_element(cost.begin(), cost.end());
  std::vector<double> weight; // relative to the best, so exp() cannot overflow
  for (double g : cost)
    weight.push_back(std::exp(-in.options->logit_scale * (g - best)));
  double u = choice_rng[f].uniform01() * std::accumulate(weight.begin(), weight.end(), 0.0);
  for (std::size_t i = 0; i + 1 < options.size(); ++i)
    if ((u -= weight[i]) < 0.0)
      return std::move(options[i]);
  return std::move(options.back());
}

// Maps the timetable's legs to (service, board stop, alight stop); road links without a
// service become rides on the model's on-demand truck services.
bool Replication::to_legs(const Itinerary &it, std::vector<PlannedLeg> &legs) const {
  legs.clear();
  for (const TimetableLeg &l : it.legs) {
    if (l.on_demand) {
      const bool reverse = net.links[l.link].from != l.from;
      legs.push_back(PlannedLeg{in.on_demand[l.link * 2 + (reverse ? 1 : 0)], 0, 1});
      continue;
    }
    const std::vector<NodeIndex> &route = in.services[l.service].route;
    const auto board = std::find(route.begin(), route.end(), l.from);
    const auto alight =
        board == route.end() ? route.end() : std::find(board + 1, route.end(), l.to);
    if (alight == route.end())
      return false;
    legs.push_back(PlannedLeg{l.service, static_cast<std::uint16_t>(board - route.begin()),
                              static_cast<std::uint16_t>(alight - route.begin())});
  }
  return true;
}

// A consignment larger than a vehicle on its itinerary travels as equal pieces that each fit
// (trucks of 2 TEU and 3-TEU bookings); the pieces count as consignments in the statistics.
void Replication::release(const DemandFlow &flow, double teu) {
  const auto f = static_cast<std::uint32_t>(&flow - net.demand.data());
  FlowStats &fs = flows[f];
  fs.teu.generated += teu;
  std::vector<PlannedLeg> legs;
  const auto it = plan(flow);
  if (!it || !to_legs(*it, legs)) {
    fs.teu.unroutable += teu;
    trace(TraceEvent::Kind::Unroutable, 0, 0, UINT32_MAX, flow.origin, teu);
    return;
  }
  double smallest = teu;
  for (const PlannedLeg &l : legs)
    smallest = std::min(smallest, in.capacity[l.service].value());
  const double pieces = std::ceil(teu / smallest - 1e-9);
  const Tick due = flow.due.value() > 0.0 ? eng.now() + to_ticks(flow.due) : 0;
  for (double p = 0; p < pieces; ++p) {
    const std::uint32_t c = new_consignment();
    Consignment &k = pool[c];
    k.flow = f;
    k.teu = teu / pieces;
    k.ready = eng.now();
    k.due = due;
    k.cost = it->cost.value();
    k.co2 = it->co2.value();
    k.legs = legs;
    ++fs.teu.consignments;
    trace(TraceEvent::Kind::Ready, k.id, 0, UINT32_MAX, flow.origin, k.teu);
    to_next_leg(c);
  }
}

} // namespace corsim::model::detail
