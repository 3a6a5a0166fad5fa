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
  if (flow.arrivals == ArrivalProcess::Bookings) {
    if (!flow.bookings.empty() && to_ticks(flow.bookings.front().ready) <= end)
      eng.schedule_at(to_ticks(flow.bookings.front().ready), [this, f] { book(f, 0); });
    return;
  }
  if (!(flow.volume.value() > 0.0))
    return;
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

// The bookings of a flow (sorted by ready time by the loader), one after another.
void Replication::book(std::uint32_t f, std::size_t i) {
  const DemandFlow &flow = net.demand[f];
  const Booking &b = flow.bookings[i];
  release(flow, b.teu.value(), b.due.value() > 0.0 ? to_ticks(b.due) : Tick{-1});
  if (i + 1 < flow.bookings.size()) {
    const Tick next = std::max(eng.now(), to_ticks(flow.bookings[i + 1].ready));
    if (next <= end)
      eng.schedule_at(next, [this, f, i] { book(f, i + 1); });
  }
}

std::optional<Itinerary> Replication::earliest(const DemandFlow &flow, const RouteFilter &filter,
                                               Hours ready) const {
  TimetableQuery q;
  q.from = flow.origin;
  q.to = flow.destination;
  q.ready = ready;
  q.cargo = flow.cargo;
  q.filter = filter;
  q.horizon = in.options->plan_horizon - (ready - to_hours(eng.now()));
  if (!(q.horizon.value() > 0.0))
    return std::nullopt;
  return in.timetable->earliest_arrival(q);
}

// Names the departure each timetabled ride boards (its tick at the service's first stop, as
// timetable_departures() launches it) and checks that the TEU booked on it leave room.
std::size_t Replication::full_leg(Plan &p, double teu) const {
  for (std::size_t i = 0; i < p.legs.size(); ++i) {
    PlannedLeg &leg = p.legs[i];
    if (leg.service >= net.services.size() ||
        in.services[leg.service].schedule.kind == Schedule::Kind::Dispatch)
      continue;
    const Timetable &tt = *in.timetable;
    const Hours first = p.it.legs[i].departure - tt.departure_offset(leg.service, leg.board);
    leg.trip = to_ticks(tt.next_departure(leg.service, 0, first - Hours(1e-3)));
    const auto it = booked.find({leg.trip, leg.service});
    const double used = it == booked.end() ? 0.0 : it->second;
    const double room = in.capacity[leg.service].value() *
                        in.service_cut[leg.service].factor_at(leg.trip); // 0: cancelled
    if (used + teu > room + 1e-9)
      return i;
  }
  return p.legs.size();
}

// The earliest itinerary on a route whose departures have room; a full one is tried again
// from just after the full departure (up to 40 times, then the route counts as full).
std::optional<Plan> Replication::bookable(const DemandFlow &flow, const RouteFilter &filter,
                                          double teu) {
  Hours ready = to_hours(eng.now());
  for (int attempt = 0; attempt < 40; ++attempt) {
    Plan p;
    auto it = earliest(flow, filter, ready);
    if (!it)
      return std::nullopt;
    p.it = std::move(*it);
    if (!to_legs(p.it, p.legs))
      return std::nullopt;
    const std::size_t i = full_leg(p, teu);
    if (i == p.legs.size())
      return p;
    // Try again from just after the full departure (exact for a first leg; later legs follow
    // from the origin's shift).
    ready += std::max(Hours(0.0), p.it.legs[i].departure - p.it.legs[i].ready) + Hours(1e-3);
  }
  return std::nullopt;
}

// A ride on one service from the flow's origin to its destination, on its first departure
// with room (as the timetable prices a ride: tariff + link costs, mean running times).
std::optional<Plan> Replication::direct(const DemandFlow &flow, std::uint32_t s, double teu) {
  const Service &svc = net.services[s];
  const auto board = std::find(svc.route.begin(), svc.route.end(), flow.origin);
  const auto alight = std::find(board, svc.route.end(), flow.destination);
  if (alight == svc.route.end() || svc.schedule.kind == Schedule::Kind::Dispatch ||
      (!svc.cargo.empty() &&
       std::find(svc.cargo.begin(), svc.cargo.end(), flow.cargo) == svc.cargo.end()))
    return std::nullopt;
  const auto b = static_cast<std::size_t>(board - svc.route.begin());
  const auto a = static_cast<std::size_t>(alight - svc.route.begin());
  const Timetable &tt = *in.timetable;
  Plan p;
  TimetableLeg leg;
  leg.service = s;
  leg.from = flow.origin;
  leg.to = flow.destination;
  leg.ready = to_hours(eng.now());
  for (std::size_t j = b; j < a; ++j) {
    const Link &l = net.links[svc.legs[j]];
    leg.cost += l.cost;
    leg.co2 += Tonnes(l.co2.value() * l.length.value() * net.settings.tonnes_per_teu.value() / 1e6);
  }
  leg.cost += svc.tariff;
  Hours after = leg.ready;
  for (int attempt = 0; attempt < 60; ++attempt) {
    leg.departure = tt.next_departure(s, b, after);
    if (!std::isfinite(leg.departure.value()) ||
        leg.departure - leg.ready > in.options->plan_horizon)
      return std::nullopt;
    const Hours start = leg.departure - tt.departure_offset(s, b);
    leg.arrival = start + tt.arrival_offset(s, a);
    p.it = Itinerary{leg.ready, leg.arrival, {leg}, leg.cost, leg.co2};
    p.legs = {PlannedLeg{s, static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(a), -1}};
    if (full_leg(p, teu) == p.legs.size())
      return p;
    after = leg.departure + Hours(1e-3);
  }
  return std::nullopt;
}

// Earliest arrival (no booking); or, over the flow's alternative routes, the earliest
// itinerary with room on each, drawn by fixed shares or by a logit over generalised cost
// (tariffs + value of time × transit). Without room anywhere, the unbooked itineraries.
std::optional<Plan> Replication::plan(const DemandFlow &flow, double teu) {
  const auto f = static_cast<std::uint32_t>(&flow - net.demand.data());
  const Hours now = to_hours(eng.now());
  std::vector<Plan> plans;
  if (in.options->route_choice == RouteChoice::EarliestArrival || in.choice_sets[f].empty()) {
    Plan p;
    auto it = earliest(flow, RouteFilter{}, now);
    if (!it)
      return std::nullopt;
    p.it = std::move(*it);
    if (!to_legs(p.it, p.legs))
      return std::nullopt;
    return p;
  }
  while (!booked.empty() && booked.begin()->first.first < eng.now() - to_ticks(days(90.0)))
    booked.erase(booked.begin()); // departures long gone
  const std::vector<RouteFilter> &set = in.choice_sets[f];
  const std::vector<double> &shares = in.choice_shares[f];
  std::vector<double> weights;
  for (std::size_t r = 0; r < set.size(); ++r)
    if (auto p = bookable(flow, set[r], teu)) {
      plans.push_back(std::move(*p));
      weights.push_back(shares.empty() ? -1.0 : shares[r]);
    }
  if (shares.empty()) // the logit also offers every service that runs the whole way
    for (std::uint32_t s = 0; s < net.services.size(); ++s)
      if (auto p = direct(flow, s, teu)) {
        const bool seen = std::any_of(plans.begin(), plans.end(), [&](const Plan &q) {
          return q.legs.size() == 1 && q.legs[0].service == s;
        });
        if (!seen) {
          plans.push_back(std::move(*p));
          weights.push_back(-1.0);
        }
      }
  if (plans.empty()) // every route full: plan without booking; the boxes queue and roll over
    for (std::size_t r = 0; r < set.size(); ++r)
      if (auto it = earliest(flow, set[r], now)) {
        Plan p;
        p.it = std::move(*it);
        if (to_legs(p.it, p.legs)) {
          plans.push_back(std::move(p));
          weights.push_back(shares.empty() ? -1.0 : shares[r]);
        }
      }
  return choose(f, plans, weights);
}

// Hours the plan's vehicles would be held by node and link closures on the way, on the
// timetable's mean times: what the logit sees of closures (a closed border costs its wait).
double Replication::closure_hours(const Plan &p) const {
  const Timetable &tt = *in.timetable;
  double held = 0.0;
  const auto hold = [&](const Timeline &cut, double at) {
    const Tick t = to_ticks(at + held);
    const Tick open = cut.open_at(t);
    held += open == tick_max ? in.options->plan_horizon.value() : to_time(open - t);
  };
  for (std::size_t i = 0; i < p.legs.size(); ++i) {
    const PlannedLeg &leg = p.legs[i];
    const TimetableLeg &tl = p.it.legs[i];
    const Service &svc = in.services[leg.service];
    const bool timetabled = leg.service < net.services.size();
    const double start =
        timetabled ? (tl.departure - tt.departure_offset(leg.service, leg.board)).value() : 0.0;
    for (std::size_t j = leg.board; j < leg.alight; ++j) {
      const double dep =
          timetabled ? start + tt.departure_offset(leg.service, j).value() : tl.departure.value();
      const double arr =
          timetabled ? start + tt.arrival_offset(leg.service, j + 1).value() : tl.arrival.value();
      hold(in.node_cut[svc.route[j]], dep);
      hold(in.link_cut[svc.legs[j]], dep);
      hold(in.node_cut[svc.route[j + 1]], arr);
    }
  }
  return held;
}

// Draws one plan: by its weight (fixed shares), or by logit when the weights are negative.
// Books its TEU on the departures it names.
std::optional<Plan> Replication::choose(std::uint32_t f, std::vector<Plan> &plans,
                                        const std::vector<double> &weights) {
  if (plans.empty())
    return std::nullopt;
  std::vector<double> w = weights;
  if (!w.empty() && w.front() < 0.0) {
    const DemandFlow &flow = net.demand[f];
    const auto c = static_cast<std::size_t>(flow.cargo);
    const double vot =
        c < net.settings.value_of_time.size() ? net.settings.value_of_time[c].value() : 0.0;
    std::vector<double> cost;
    const double now = to_hours(eng.now()).value(); // a booked later departure waits from now
    for (const Plan &p : plans)
      cost.push_back(p.it.cost.value() +
                     vot * (p.it.arrival.value() - now + // from now
                            (net.disruptions.empty() ? 0.0 : closure_hours(p))));
    const double best = *std::min_element(cost.begin(), cost.end());
    for (std::size_t i = 0; i < cost.size(); ++i) // relative to the best: no overflow
      w[i] = std::exp(-in.options->logit_scale * (cost[i] - best));
  }
  double u = choice_rng[f].uniform01() * std::accumulate(w.begin(), w.end(), 0.0);
  std::size_t pick = plans.size() - 1;
  for (std::size_t i = 0; i + 1 < plans.size(); ++i)
    if ((u -= w[i]) < 0.0) {
      pick = i;
      break;
    }
  return std::move(plans[pick]);
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
void Replication::release(const DemandFlow &flow, double teu, Tick due_at) {
  const auto f = static_cast<std::uint32_t>(&flow - net.demand.data());
  FlowStats &fs = flows[f];
  fs.teu.generated += teu;
  auto plan_made = plan(flow, teu);
  if (!plan_made) {
    fs.teu.unroutable += teu;
    trace(TraceEvent::Kind::Unroutable, 0, 0, UINT32_MAX, flow.origin, teu);
    return;
  }
  const std::vector<PlannedLeg> &legs = plan_made->legs;
  for (const PlannedLeg &l : legs)
    if (l.trip >= 0)
      booked[{l.trip, l.service}] += teu;
  double smallest = teu;
  for (const PlannedLeg &l : legs)
    smallest = std::min(smallest, in.capacity[l.service].value());
  const double pieces = std::ceil(teu / smallest - 1e-9);
  const Tick due = due_at >= 0              ? due_at
                   : flow.due.value() > 0.0 ? eng.now() + to_ticks(flow.due)
                                            : 0;
  for (double p = 0; p < pieces; ++p) {
    const std::uint32_t c = new_consignment();
    Consignment &k = pool[c];
    k.flow = f;
    k.teu = teu / pieces;
    k.ready = eng.now();
    k.due = due;
    k.cost = plan_made->it.cost.value();
    k.co2 = plan_made->it.co2.value();
    k.legs = legs;
    ++fs.teu.consignments;
    trace(TraceEvent::Kind::Ready, k.id, 0, UINT32_MAX, flow.origin, k.teu);
    to_next_leg(c);
  }
}

} // namespace corsim::model::detail
