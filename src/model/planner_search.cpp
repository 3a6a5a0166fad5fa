// Timetable searches for the planner: the earliest itinerary, the first departure with room
// on a route or on one service, and the itinerary as rides on the model's services.
#include "planner.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

std::optional<Itinerary> Planner::earliest(const DemandFlow &flow, NodeIndex from,
                                           const RouteFilter &filter, Hours ready) const {
  TimetableQuery q;
  q.from = from;
  q.to = flow.destination;
  q.ready = ready;
  q.cargo = flow.cargo;
  q.filter = filter;
  q.horizon = ctx_.in.options->plan_horizon - (ready - to_hours(ctx_.eng.now()));
  if (!(q.horizon.value() > 0.0))
    return std::nullopt;
  return ctx_.in.timetable->earliest_arrival(q);
}

std::optional<Plan> Planner::unbooked(const DemandFlow &flow, NodeIndex from,
                                      const RouteFilter &filter, Hours ready) const {
  Plan p;
  auto it = earliest(flow, from, filter, ready);
  if (!it)
    return std::nullopt;
  p.it = std::move(*it);
  if (!to_legs(p.it, p.legs))
    return std::nullopt;
  return p;
}

// Names the departure each timetabled ride boards (its tick at the service's first stop, as
// timetable_departures() launches it) and checks that the TEU booked on it leave room.
std::size_t Planner::full_leg(Plan &p, double teu) const {
  for (std::size_t i = 0; i < p.legs.size(); ++i) {
    PlannedLeg &leg = p.legs[i];
    if (leg.service >= ctx_.net.services.size() ||
        ctx_.in.services[leg.service].schedule.kind == Schedule::Kind::Dispatch)
      continue;
    const Timetable &tt = *ctx_.in.timetable;
    const Hours first = p.it.legs[i].departure - tt.departure_offset(leg.service, leg.board);
    leg.trip = to_ticks(tt.next_departure(leg.service, 0, first - Hours(1e-3)));
    double used = 0.0; // on the busiest leg it rides
    if (const auto it = booked_.find({leg.trip, leg.service}); it != booked_.end())
      for (std::size_t j = leg.board; j < leg.alight && j < it->second.size(); ++j)
        used = std::max(used, it->second[j]);
    const double room = ctx_.in.capacity[leg.service].value() *
                        seen_.service[leg.service].factor_at(leg.trip); // 0: cancelled
    // A departure that has already left this stop (ahead of its timetable) is gone, and a
    // cancelled one never comes.
    if (leg.trip <= departed_[leg.service][leg.board] ||
        cancelled_.count({leg.trip, leg.service}) > 0 || used + teu > room + 1e-9)
      return i;
  }
  return p.legs.size();
}

// The earliest itinerary on a route whose departures have room; a full one is tried again
// from just after the full departure (up to 40 times, then the route counts as full).
std::optional<Plan> Planner::bookable(const DemandFlow &flow, NodeIndex from,
                                      const RouteFilter &filter, double teu, Hours ready) {
  for (int attempt = 0; attempt < 40; ++attempt) {
    auto p = unbooked(flow, from, filter, ready);
    if (!p)
      return std::nullopt;
    const std::size_t i = full_leg(*p, teu);
    if (i == p->legs.size())
      return p;
    // Try again from just after the full departure (exact for a first leg; later legs follow
    // from the origin's shift).
    ready += std::max(Hours(0.0), p->it.legs[i].departure - p->it.legs[i].ready) + Hours(1e-3);
  }
  return std::nullopt;
}

// A ride on one service from the flow's origin to its destination, on its first departure
// with room (as the timetable prices a ride: tariff + link costs, mean running times).
std::optional<Plan> Planner::direct(const DemandFlow &flow, ServiceIndex s, double teu) {
  const Service &svc = ctx_.net.services[s];
  const auto board = std::find(svc.route.begin(), svc.route.end(), flow.origin);
  const auto alight = std::find(board, svc.route.end(), flow.destination);
  if (alight == svc.route.end() || svc.schedule.kind == Schedule::Kind::Dispatch ||
      (!svc.cargo.empty() &&
       std::find(svc.cargo.begin(), svc.cargo.end(), flow.cargo) == svc.cargo.end()))
    return std::nullopt;
  const auto b = static_cast<std::size_t>(board - svc.route.begin());
  const auto a = static_cast<std::size_t>(alight - svc.route.begin());
  const Timetable &tt = *ctx_.in.timetable;
  Plan p;
  TimetableLeg leg;
  leg.service = s;
  leg.from = flow.origin;
  leg.to = flow.destination;
  leg.ready = to_hours(ctx_.eng.now());
  for (std::size_t j = b; j < a; ++j) {
    const Link &l = ctx_.net.links[svc.legs[j]];
    leg.cost += l.cost;
    leg.co2 += co2_per_teu(l, ctx_.net.settings);
  }
  leg.cost += svc.tariff;
  Hours after = leg.ready;
  for (int attempt = 0; attempt < 60; ++attempt) {
    leg.departure = tt.next_departure(s, b, after);
    if (!std::isfinite(leg.departure.value()) ||
        leg.departure - leg.ready > ctx_.in.options->plan_horizon)
      return std::nullopt;
    const Hours start = leg.departure - tt.departure_offset(s, b);
    leg.arrival = start + tt.arrival_offset(s, a);
    p.it = Itinerary{leg.ready, leg.arrival, {leg}, leg.cost, leg.co2};
    p.legs = {PlannedLeg{s, static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(a), -1,
                         leg.cost.value(), leg.co2.value()}};
    if (full_leg(p, teu) == p.legs.size())
      return p;
    after = leg.departure + Hours(1e-3);
  }
  return std::nullopt;
}

// Maps the timetable's legs to (service, board stop, alight stop); road links without a
// service become rides on the model's on-demand truck services.
bool Planner::to_legs(const Itinerary &it, std::vector<PlannedLeg> &legs) const {
  legs.clear();
  for (const TimetableLeg &l : it.legs) {
    if (l.on_demand) {
      const bool reverse = ctx_.net.links[l.link].from != l.from;
      legs.push_back(PlannedLeg{ctx_.in.on_demand[l.link * 2 + (reverse ? 1 : 0)], 0, 1, -1,
                                l.cost.value(), l.co2.value()});
      continue;
    }
    const std::vector<NodeIndex> &route = ctx_.in.services[l.service].route;
    const auto board = std::find(route.begin(), route.end(), l.from);
    const auto alight =
        board == route.end() ? route.end() : std::find(board + 1, route.end(), l.to);
    if (alight == route.end())
      return false;
    legs.push_back(PlannedLeg{l.service, static_cast<std::uint16_t>(board - route.begin()),
                              static_cast<std::uint16_t>(alight - route.begin()), -1,
                              l.cost.value(), l.co2.value()});
  }
  return true;
}

} // namespace corsim::model::detail
