// Timetable searches for the planner: the earliest itinerary, the first departure with room
// on a route or on one service, and the itinerary as rides on the model's services.
#include "planner.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

/// The planner's bookings as the timetable search sees them: room for `teu`.
class Planner::RoomFor final : public DepartureRoom {
public:
  RoomFor(Planner &planner, double teu) : planner_(planner), teu_(teu) {}
  [[nodiscard]] bool fits(ServiceIndex s, std::size_t board, std::size_t alight,
                          Hours start) const override {
    return planner_.dispatched(s) ||
           planner_.has_room(s, board, alight, planner_.trip_at(s, start), teu_);
  }
  [[nodiscard]] Hours full_before(ServiceIndex s, std::size_t leg, Hours start) const override {
    return planner_.dispatched(s) ? start : planner_.full_before(s, leg, start, teu_);
  }

private:
  Planner &planner_;
  double teu_;
};

std::optional<Itinerary> Planner::earliest(const DemandFlow &flow, NodeIndex from,
                                           const RouteFilter &filter, Hours ready,
                                           const DepartureRoom *room, Hours beyond) const {
  TimetableQuery q;
  q.from = from;
  q.to = flow.destination;
  q.ready = ready;
  q.cargo = flow.cargo;
  q.filter = filter;
  q.room = room;
  q.horizon = ctx_.in.options->plan_horizon + beyond - (ready - to_hours(ctx_.eng.now()));
  if (!(q.horizon.value() > 0.0))
    return std::nullopt;
  return ctx_.in.timetable->earliest_arrival(q);
}

std::optional<Plan> Planner::unbooked(const DemandFlow &flow, NodeIndex from,
                                      const RouteFilter &filter, Hours ready,
                                      const DepartureRoom *room, Hours beyond) const {
  Plan p;
  auto it = earliest(flow, from, filter, ready, room, beyond);
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
    if (leg.service >= ctx_.net.services.size() || dispatched(leg.service))
      continue;
    leg.trip = trip_at(leg.service, p.it.legs[i].departure - ctx_.in.timetable->departure_offset(
                                                                 leg.service, leg.board));
    if (!has_room(leg.service, leg.board, leg.alight, leg.trip, teu))
      return i;
  }
  return p.legs.size();
}

Tick Planner::trip_at(ServiceIndex s, Hours start) const {
  return to_ticks(ctx_.in.timetable->next_departure(s, 0, start - Hours(1e-3)));
}

// A departure that has already left this stop (ahead of its timetable) is gone, and a
// cancelled one never comes.
bool Planner::has_room(ServiceIndex s, std::size_t board, std::size_t alight, Tick trip,
                       double teu) const {
  if (trip <= departed_[s][board] || cancelled_.count({trip, s}) > 0)
    return false;
  double used = 0.0; // on the busiest leg it rides
  if (const auto it = booked_.find({trip, s}); it != booked_.end())
    for (std::size_t j = board; j < alight && j < it->second.size(); ++j)
      used = std::max(used, it->second[j]);
  const double room =
      ctx_.in.capacity[s].value() * seen_.service[s].factor_at(trip); // 0: cancelled
  return used + teu <= room + 1e-9;
}

Hours Planner::full_before(ServiceIndex s, std::size_t leg, Hours start, double teu) {
  if (teu < smallest_teu_[s]) {
    smallest_teu_[s] = teu;
    forget_full(s);
  }
  const Timetable &tt = *ctx_.in.timetable;
  std::size_t c = 0; // the largest class the box fills: room < 2^c smallest is too little
  while (c + 1 < size_classes && teu >= smallest_teu_[s] * static_cast<double>(2u << c))
    ++c;
  const double too_little = smallest_teu_[s] * static_cast<double>(1u << c);
  Tick &w = full_until_[s][leg * size_classes + c];
  if (w < 0)
    w = trip_at(s, Hours(0.0));
  // Each departure is looked at once while the mark stands; stop at the horizon.
  const Tick last =
      ctx_.eng.now() + to_ticks(ctx_.in.options->plan_horizon + days(keep_beyond_days));
  while (w >= 0 && w <= last && !has_room(s, leg, leg + 1, w, too_little)) {
    const Hours next = tt.next_departure(s, 0, to_hours(w) + Hours(1e-3));
    w = std::isfinite(next.value()) ? to_ticks(next) : tick_max;
  }
  return std::max(start, to_hours(w));
}

void Planner::forget_full(ServiceIndex s) {
  std::fill(full_until_[s].begin(), full_until_[s].end(), Tick(-1));
}

// The earliest itinerary on departures with room: the search boards, on each service, the
// first departure with room for the whole ride.
std::optional<Plan> Planner::bookable(const DemandFlow &flow, NodeIndex from,
                                      const RouteFilter &filter, double teu, Hours ready,
                                      Hours beyond, bool *found_none) {
  const RoomFor room(*this, teu);
  auto p = unbooked(flow, from, filter, ready, &room, beyond);
  if (found_none != nullptr)
    *found_none = !p;
  if (!p || full_leg(*p, teu) != p->legs.size()) // (full_leg names the departures)
    return std::nullopt;
  return p;
}

// A ride on one service from the flow's origin to its destination, on its first departure
// with room (as the timetable prices a ride: tariff + link costs, mean running times).
std::optional<Plan> Planner::direct(const DemandFlow &flow, ServiceIndex s, double teu) {
  const Service &svc = ctx_.net.services[s];
  const auto board = std::find(svc.route.begin(), svc.route.end(), flow.origin);
  const auto alight = std::find(board, svc.route.end(), flow.destination);
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
