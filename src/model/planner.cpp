// The planner's choice: the plans on offer, drawn by fixed shares or by logit over
// generalised cost, and the room they book.
#include "planner.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corsim::model::detail {

Planner::Planner(Context &ctx) : ctx_(ctx) {
  for (const DemandFlow &f : ctx.net.demand)
    choice_rng_.push_back(ctx.stream("choice", f.id));
}

// Earliest arrival (no booking); or, over the flow's alternative routes, the earliest
// itinerary with room on each, drawn by fixed shares or by a logit over generalised cost
// (tariffs + value of time × transit). Without room anywhere, the unbooked itineraries.
std::optional<Plan> Planner::plan(FlowIndex f, double teu) {
  const DemandFlow &flow = ctx_.net.demand[f];
  const Hours now = to_hours(ctx_.eng.now());
  // Choice sets exist only for the logit and fixed shares: test the route choice first.
  if (ctx_.in.options->route_choice == RouteChoice::EarliestArrival ||
      ctx_.in.choice_sets[f].empty())
    return unbooked(flow, RouteFilter{}, now);
  const std::vector<RouteFilter> &set = ctx_.in.choice_sets[f];
  const Tick gone = ctx_.eng.now() - to_ticks(days(90.0));
  while (!booked_.empty() && booked_.begin()->first.first < gone)
    booked_.erase(booked_.begin()); // departures long gone
  std::vector<Plan> plans;
  std::vector<double> weights;
  offers(f, teu, plans, weights);
  const std::vector<double> &shares = ctx_.in.choice_shares[f];
  if (plans.empty()) // every route full: plan without booking; the boxes queue and roll over
    for (std::size_t r = 0; r < set.size(); ++r)
      if (auto p = unbooked(flow, set[r], now)) {
        plans.push_back(std::move(*p));
        weights.push_back(shares.empty() ? -1.0 : shares[r]);
      }
  return choose(f, plans, weights);
}

// The earliest itinerary with room on each of the flow's routes, with its share (-1: logit);
// the logit also offers every service that runs the whole way.
void Planner::offers(FlowIndex f, double teu, std::vector<Plan> &plans,
                     std::vector<double> &weights) {
  const DemandFlow &flow = ctx_.net.demand[f];
  const std::vector<RouteFilter> &set = ctx_.in.choice_sets[f];
  const std::vector<double> &shares = ctx_.in.choice_shares[f];
  for (std::size_t r = 0; r < set.size(); ++r)
    if (auto p = bookable(flow, set[r], teu)) {
      plans.push_back(std::move(*p));
      weights.push_back(shares.empty() ? -1.0 : shares[r]);
    }
  if (!shares.empty())
    return;
  for (std::uint32_t s = 0; s < ctx_.net.services.size(); ++s)
    if (auto p = direct(flow, s, teu)) {
      const bool seen = std::any_of(plans.begin(), plans.end(), [&](const Plan &q) {
        return q.legs.size() == 1 && q.legs[0].service == s;
      });
      if (!seen) {
        plans.push_back(std::move(*p));
        weights.push_back(-1.0);
      }
    }
}

// Hours the plan's vehicles would be held by node and link closures on the way, on the
// timetable's mean times: what the logit sees of closures (a closed border costs its wait).
double Planner::closure_hours(const Plan &p) const {
  const Timetable &tt = *ctx_.in.timetable;
  double held = 0.0;
  const auto hold = [&](const Timeline &cut, double at) {
    const Tick t = to_ticks(at + held);
    const Tick open = cut.open_at(t);
    held += open == tick_max ? ctx_.in.options->plan_horizon.value() : to_time(open - t);
  };
  for (std::size_t i = 0; i < p.legs.size(); ++i) {
    const PlannedLeg &leg = p.legs[i];
    const TimetableLeg &tl = p.it.legs[i];
    const Service &svc = ctx_.in.services[leg.service];
    const bool timetabled = leg.service < ctx_.net.services.size();
    const double start =
        timetabled ? (tl.departure - tt.departure_offset(leg.service, leg.board)).value() : 0.0;
    for (std::size_t j = leg.board; j < leg.alight; ++j) {
      const double dep =
          timetabled ? start + tt.departure_offset(leg.service, j).value() : tl.departure.value();
      const double arr =
          timetabled ? start + tt.arrival_offset(leg.service, j + 1).value() : tl.arrival.value();
      hold(ctx_.in.node_cut[svc.route[j]], dep);
      hold(ctx_.in.link_cut[svc.legs[j]], dep);
      hold(ctx_.in.node_cut[svc.route[j + 1]], arr);
    }
  }
  return held;
}

// Draws one plan: by its weight (fixed shares), or by logit when the weights are negative.
// The caller books its TEU on the departures it names (book()).
std::optional<Plan> Planner::choose(FlowIndex f, std::vector<Plan> &plans,
                                    const std::vector<double> &weights) {
  if (plans.empty())
    return std::nullopt;
  std::vector<double> w = weights;
  if (!w.empty() && w.front() < 0.0) {
    const DemandFlow &flow = ctx_.net.demand[f];
    const auto c = static_cast<std::size_t>(flow.cargo);
    const double vot = c < ctx_.net.settings.value_of_time.size()
                           ? ctx_.net.settings.value_of_time[c].value()
                           : 0.0;
    std::vector<double> cost;
    const double now = to_hours(ctx_.eng.now()).value(); // a booked later departure waits from now
    for (const Plan &p : plans)
      cost.push_back(p.it.cost.value() +
                     vot * (p.it.arrival.value() - now + // from now
                            (ctx_.net.disruptions.empty() ? 0.0 : closure_hours(p))));
    const double best = *std::min_element(cost.begin(), cost.end());
    for (std::size_t i = 0; i < cost.size(); ++i) // relative to the best: no overflow
      w[i] = std::exp(-ctx_.in.options->logit_scale * (cost[i] - best));
  }
  double u = choice_rng_[f].uniform01() * std::accumulate(w.begin(), w.end(), 0.0);
  std::size_t pick = plans.size() - 1;
  for (std::size_t i = 0; i + 1 < plans.size(); ++i)
    if ((u -= w[i]) < 0.0) {
      pick = i;
      break;
    }
  return std::move(plans[pick]);
}

void Planner::book(const Plan &p, double teu) {
  for (const PlannedLeg &l : p.legs)
    if (l.trip >= 0)
      booked_[{l.trip, l.service}] += teu;
}

} // namespace corsim::model::detail
