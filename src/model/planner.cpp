// The planner's choice: the plans on offer, drawn by fixed shares or by logit over
// generalised cost, and the room they book.
#include "planner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace corsim::model::detail {

namespace {

// The timetabled services that stop at the flow's origin and later at its destination and take
// its cargo: the direct rides the logit offers.
std::vector<ServiceIndex> runs_whole_way(const Network &net, const DemandFlow &flow) {
  std::vector<ServiceIndex> out;
  for (ServiceIndex s = 0; s < net.services.size(); ++s) {
    const Service &svc = net.services[s];
    const auto board = std::find(svc.route.begin(), svc.route.end(), flow.origin);
    if (svc.schedule.kind != Schedule::Kind::Dispatch && board != svc.route.end() &&
        std::find(board, svc.route.end(), flow.destination) != svc.route.end() &&
        (svc.cargo.empty() ||
         std::find(svc.cargo.begin(), svc.cargo.end(), flow.cargo) != svc.cargo.end()))
      out.push_back(s);
  }
  return out;
}

} // namespace

Planner::Planner(Context &ctx, const Facilities &facilities)
    : ctx_(ctx), facilities_(facilities), departed_(ctx.in.services.size()) {
  for (std::size_t f = 0; f < ctx.net.demand.size(); ++f) {
    choice_rng_.push_back(ctx.stream("choice", ctx.net.demand[f].id));
    offers_.emplace_back(f < ctx.in.choice_sets.size() ? ctx.in.choice_sets[f].size() : 0);
    direct_services_.push_back(runs_whole_way(ctx.net, ctx.net.demand[f]));
  }
  for (std::size_t s = 0; s < departed_.size(); ++s)
    departed_[s].assign(ctx.in.services[s].route.size(), -1);
  full_until_.resize(ctx.in.services.size());
  for (std::size_t s = 0; s < full_until_.size(); ++s)
    full_until_[s].assign(ctx.in.services[s].legs.size() * size_classes, -1);
  smallest_teu_.assign(ctx.in.services.size(), std::numeric_limits<double>::infinity());
  last_freed_.assign(ctx.in.services.size(), 0);
  learn_disruptions();
}

void Planner::learn_disruptions() {
  ++disruptions_learnt_;
  seen_ = announced_timelines(ctx_.in.cuts, ctx_.eng.now(), ctx_.net.nodes.size(),
                              ctx_.net.links.size(), ctx_.in.services.size());
  for (ServiceIndex s = 0; s < full_until_.size(); ++s)
    forget_full(s); // a capacity cut announced may end: room may come back
}

void Planner::departed(ServiceIndex s, std::size_t stop, Tick trip) {
  departed_[s][stop] = std::max(departed_[s][stop], trip);
}

// Earliest arrival (no booking); or, over the flow's alternative routes, the earliest
// itinerary with room on each, drawn by fixed shares or by a logit over generalised cost
// (tariffs + value of time × transit). Without room anywhere, the unbooked itineraries.
std::optional<Plan> Planner::plan(FlowIndex f, double teu) {
  const DemandFlow &flow = ctx_.net.demand[f];
  // Choice sets exist only for the logit and fixed shares: test the route choice first.
  if (ctx_.in.options->route_choice == RouteChoice::EarliestArrival ||
      ctx_.in.choice_sets[f].empty())
    return earliest_expected(flow);
  const std::vector<RouteFilter> &set = ctx_.in.choice_sets[f];
  const Tick gone = ctx_.eng.now() - to_ticks(days(90.0));
  while (!booked_.empty() && booked_.begin()->first.first < gone)
    booked_.erase(booked_.begin()); // departures long gone
  while (!cancelled_.empty() && cancelled_.begin()->first < gone)
    cancelled_.erase(cancelled_.begin());
  std::vector<Plan> plans;
  std::vector<double> weights;
  offers(f, teu, plans, weights);
  const std::vector<double> &shares = ctx_.in.choice_shares[f];
  if (plans.empty()) // every route full: plan without booking; the boxes queue and roll over
    for (std::size_t r = 0; r < set.size(); ++r)
      if (auto p = route_unbooked(f, r)) {
        plans.push_back(std::move(*p));
        weights.push_back(shares.empty() ? -1.0 : shares[r]);
      }
  return choose(f, plans, weights);
}

std::optional<Plan> Planner::earliest_expected(const DemandFlow &flow) const {
  const Hours now = to_hours(ctx_.eng.now());
  auto p = unbooked(flow, flow.origin, RouteFilter{}, now);
  const auto around = p ? detour(flow.origin) : std::nullopt;
  if (!around)
    return p;
  auto q = unbooked(flow, flow.origin, *around, now);
  if (q && q->it.arrival.value() + closure_hours(*q) < p->it.arrival.value() + closure_hours(*p))
    return q;
  return p;
}

std::optional<RouteFilter> Planner::detour(NodeIndex from) const {
  const Tick now = ctx_.eng.now();
  const Tick until = now + to_ticks(ctx_.in.options->plan_horizon);
  RouteFilter f;
  for (NodeIndex n = 0; n < seen_.node.size(); ++n)
    if (n != from && seen_.node[n].closed_during(now, until))
      f.closed_nodes.push_back(n);
  for (LinkIndex l = 0; l < seen_.link.size(); ++l)
    if (seen_.link[l].closed_during(now, until))
      f.closed_links.push_back(l);
  if (f.closed_nodes.empty() && f.closed_links.empty())
    return std::nullopt;
  return f;
}

// The earliest itinerary with room on each of the flow's routes, with its share (-1: logit);
// the logit also offers every service that runs the whole way.
void Planner::offers(FlowIndex f, double teu, std::vector<Plan> &plans,
                     std::vector<double> &weights) {
  const DemandFlow &flow = ctx_.net.demand[f];
  const std::vector<RouteFilter> &set = ctx_.in.choice_sets[f];
  const std::vector<double> &shares = ctx_.in.choice_shares[f];
  for (std::size_t r = 0; r < set.size(); ++r)
    if (auto p = route_offer(f, r, teu)) {
      plans.push_back(std::move(*p));
      weights.push_back(shares.empty() ? -1.0 : shares[r]);
    }
  if (!shares.empty())
    return;
  for (ServiceIndex s : direct_services_[f])
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
// timetable's mean times: what the logit sees of the closures announced so far (a closed
// border costs its wait).
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
      hold(seen_.node[svc.route[j]], dep);
      hold(seen_.link[svc.legs[j]], dep);
      hold(seen_.node[svc.route[j + 1]], arr);
    }
  }
  return held;
}

// Hours the plan's vehicles would queue at the facilities of the nodes they stop at or pass,
// as each facility's queue stands now: where vehicles wait, the wait of the last one served
// there (what a border's published waiting time says). Each node once, with the mode that
// leaves it. A departure boarded at a later stop also has the queues of the stops before it
// that it has not left yet: a train held upstream arrives late.
double Planner::queue_hours(const Plan &p) const {
  double h = 0.0;
  for (std::size_t i = 0; i < p.legs.size(); ++i) {
    const PlannedLeg &leg = p.legs[i];
    const Service &svc = ctx_.in.services[leg.service];
    const std::size_t last = i + 1 == p.legs.size() ? leg.alight : leg.alight - 1u;
    for (std::size_t j = leg.board; j <= last; ++j)
      h += facilities_.queue_hours(svc.route[j], svc.mode);
    if (leg.trip >= 0)
      for (std::size_t j = 0; j < leg.board; ++j)
        if (departed_[leg.service][j] < leg.trip)
          h += facilities_.queue_hours(svc.route[j], svc.mode);
  }
  return h;
}

// Tariffs and link costs + value of time × hours from now to arrival (a booked later
// departure waits from now), with the hours announced closures would hold its vehicles and,
// with re-planning, the current queues on the way.
double Planner::generalised_cost(const DemandFlow &flow, const Plan &p) const {
  const auto c = static_cast<std::size_t>(flow.cargo);
  const double vot =
      c < ctx_.net.settings.value_of_time.size() ? ctx_.net.settings.value_of_time[c].value() : 0.0;
  const double now = to_hours(ctx_.eng.now()).value();
  const double held = (ctx_.in.cuts.empty() ? 0.0 : closure_hours(p)) +
                      (ctx_.in.options->replan ? queue_hours(p) : 0.0);
  return p.it.cost.value() + vot * (p.it.arrival.value() - now + held);
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
    std::vector<double> cost;
    for (const Plan &p : plans)
      cost.push_back(generalised_cost(flow, p));
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

std::optional<Plan> Planner::route_offer(FlowIndex f, std::size_t r, double teu) {
  RouteOffer &o = offers_[f][r];
  const RouteFilter &filter = ctx_.in.choice_sets[f][r];
  if (!o.services_known) {
    const RoutingView view(ctx_.in.timetable->graph(), filter);
    for (ServiceIndex s = 0; s < ctx_.net.services.size(); ++s)
      for (LinkIndex l : ctx_.net.services[s].legs)
        if (view.link_open(l) && view.mode_allowed(ctx_.net.links[l].mode)) {
          o.services.push_back(s);
          break;
        }
    o.services_known = true;
  } else if (still_holds(o, teu)) {
    return within_horizon(o.plan);
  }
  const DemandFlow &flow = ctx_.net.demand[f];
  const Hours beyond = days(keep_beyond_days);
  bool found_none = false;
  o.plan = bookable(flow, flow.origin, filter, teu, to_hours(ctx_.eng.now()), beyond, &found_none);
  // Only "the search found nothing" is kept as none; a plan whose departures could not be named
  // is searched again for the next box.
  o.looked_until =
      found_none ? horizon_end() + beyond : Hours(-std::numeric_limits<double>::infinity());
  o.teu = teu;
  o.freed = room_freed_;
  o.learnt = disruptions_learnt_;
  return within_horizon(o.plan);
}

Hours Planner::horizon_end() const {
  return to_hours(ctx_.eng.now()) + ctx_.in.options->plan_horizon;
}

// A kept plan may arrive after the horizon (the search looked beyond it): none yet, then.
std::optional<Plan> Planner::within_horizon(const std::optional<Plan> &p) const {
  return p && p->it.arrival <= horizon_end() ? p : std::nullopt;
}

bool Planner::dispatched(ServiceIndex s) const {
  return ctx_.in.services[s].schedule.kind == Schedule::Kind::Dispatch;
}

// A smaller box may fit a departure the kept plan's box did not: it searches again. A truck
// on demand or by a dispatch rule leaves after the box is ready, so a plan that starts with one
// moves with the clock.
bool Planner::still_holds(const RouteOffer &o, double teu) const {
  if (o.learnt != disruptions_learnt_ || teu < o.teu)
    return false;
  for (ServiceIndex s : o.services)
    if (last_freed_[s] > o.freed)
      return false;
  if (!o.plan) // nothing arrived by where the search looked
    return horizon_end() <= o.looked_until;
  const Plan &p = *o.plan;
  if (!boardable_now(p))
    return false;
  for (const PlannedLeg &leg : p.legs)
    if (leg.trip >= 0 && !has_room(leg.service, leg.board, leg.alight, leg.trip, teu))
      return false;
  return true;
}

bool Planner::boardable_now(const Plan &p) const {
  if (p.legs.empty() || p.it.legs.front().on_demand || dispatched(p.legs.front().service))
    return false;
  const TimetableLeg &first = p.it.legs.front();
  return first.departure >= to_hours(ctx_.eng.now()) + (first.ready - p.it.ready);
}

std::optional<Plan> Planner::route_unbooked(FlowIndex f, std::size_t r) {
  std::optional<Plan> &kept = offers_[f][r].unbooked;
  if (!kept || !boardable_now(*kept)) {
    const DemandFlow &flow = ctx_.net.demand[f];
    kept = unbooked(flow, flow.origin, ctx_.in.choice_sets[f][r], to_hours(ctx_.eng.now()));
  }
  return kept;
}

void Planner::add_booking(const PlannedLeg &l, double teu) {
  if (l.trip < 0)
    return;
  if (teu < 0.0)
    last_freed_[l.service] = ++room_freed_;
  std::vector<double> &on = booked_[{l.trip, l.service}];
  on.resize(ctx_.in.services[l.service].legs.size(), 0.0);
  for (std::size_t j = l.board; j < l.alight; ++j) {
    on[j] = std::max(0.0, on[j] + teu);
    if (teu < 0.0) // room given back: the departure may no longer be full
      for (std::size_t c = 0; c < size_classes; ++c) {
        Tick &w = full_until_[l.service][j * size_classes + c];
        w = std::min(w, l.trip);
      }
  }
}

void Planner::book(const std::vector<PlannedLeg> &legs, std::size_t from, double teu) {
  for (std::size_t i = from; i < legs.size(); ++i)
    add_booking(legs[i], teu);
}

void Planner::unbook(const std::vector<PlannedLeg> &legs, std::size_t from, double teu) {
  for (std::size_t i = from; i < legs.size(); ++i)
    add_booking(legs[i], -teu);
}

// From where the box stands: the earliest itinerary with room on any route, around the
// announced closures, and (unless boxes choose by earliest arrival) on each of the flow's
// routes; the lowest generalised cost wins.
// No leg may have vehicles smaller than the box. It looks from just after now: the departure
// leaving now is the one that left it behind.
std::optional<Plan> Planner::replan(FlowIndex f, NodeIndex from, double teu) {
  const DemandFlow &flow = ctx_.net.demand[f];
  const Hours after = to_hours(ctx_.eng.now()) + Hours(1e-3);
  std::optional<Plan> best;
  double best_cost = 0.0;
  const auto consider = [&](const RouteFilter &filter) {
    auto p = bookable(flow, from, filter, teu, after);
    if (!p || std::any_of(p->legs.begin(), p->legs.end(), [&](const PlannedLeg &l) {
          return ctx_.in.capacity[l.service].value() + teu_eps < teu;
        }))
      return;
    const double cost = generalised_cost(flow, *p);
    if (!best || cost < best_cost) {
      best = std::move(p);
      best_cost = cost;
    }
  };
  consider(RouteFilter{});
  if (const auto around = detour(from))
    consider(*around);
  if (ctx_.in.options->route_choice != RouteChoice::EarliestArrival)
    for (const RouteFilter &filter : ctx_.in.choice_sets[f])
      consider(filter);
  return best;
}

} // namespace corsim::model::detail
