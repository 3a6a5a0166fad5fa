#pragma once
// The planner: where a box goes and on which departures. It searches the timetable for the
// earliest itinerary, or over a flow's alternative routes for the earliest with room on each,
// draws one by fixed shares or by logit, and books its TEU on the departures it names.
// Internal to corsim_model.

#include "consignments.hpp"
#include "facilities.hpp"

#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace corsim::model::detail {

/// A planned itinerary: the timetable's, as rides on the model's services.
struct Plan {
  Itinerary it;
  std::vector<PlannedLeg> legs;
};

class Planner {
public:
  /// Plans on the timetable, the disruptions announced so far and (with re-planning) the
  /// current queues at `facilities`.
  Planner(Context &ctx, const Facilities &facilities);
  /// A plan for `teu` of flow `f` ready now, or none when no route reaches its destination
  /// within the planning horizon.
  std::optional<Plan> plan(FlowIndex f, double teu);
  /// Keeps `teu` of room on the departures `p` names.
  void book(const Plan &p, double teu) { book(p.legs, 0, teu); }
  /// Keeps `teu` of room on the departures legs[from..] name.
  void book(const std::vector<PlannedLeg> &legs, std::size_t from, double teu);
  /// Gives back the room `teu` held on the departures legs[from..] name.
  void unbook(const std::vector<PlannedLeg> &legs, std::size_t from, double teu);
  /// Gives back the room `teu` held on the departure `l` names.
  void unbook_leg(const PlannedLeg &l, double teu) { add_booking(l, -teu); }
  /// Keeps the room `teu` on the departure `l` names.
  void book_leg(const PlannedLeg &l, double teu) { add_booking(l, teu); }
  /// A new plan for `teu` of flow `f` standing at `from` now, on departures with room, not yet
  /// booked; none when nothing arrives within the horizon.
  std::optional<Plan> replan(FlowIndex f, NodeIndex from, double teu);
  /// The planner learns of the disruptions announced by now.
  void learn_disruptions();
  /// Departure `trip` of service `s` has left its stop `stop`: no plan may board it there.
  void departed(ServiceIndex s, std::size_t stop, Tick trip);
  /// TEU booked on leg `leg` of departure `trip` of service `s`.
  [[nodiscard]] double booked_on(Tick trip, ServiceIndex s, std::size_t leg) const {
    const auto it = booked_.find({trip, s});
    return it == booked_.end() || leg >= it->second.size() ? 0.0 : it->second[leg];
  }
  /// Departure `trip` of service `s` does not run (no vehicle of its fleet, or the service
  /// closed): no plan may board it.
  void cancelled(ServiceIndex s, Tick trip) { cancelled_.insert({trip, s}); }
  /// The last departure of service `s` to leave its stop `stop` (-1: none yet).
  [[nodiscard]] Tick last_departed(ServiceIndex s, std::size_t stop) const {
    return departed_[s][stop];
  }

private:
  void offers(FlowIndex f, double teu, std::vector<Plan> &plans, std::vector<double> &weights);
  /// The earliest plan with room on route `r` of flow `f`'s choice set, from now: the one kept
  /// from an earlier box when it still holds (see RouteOffer), else a new search.
  std::optional<Plan> route_offer(FlowIndex f, std::size_t r, double teu);
  /// A plan an earlier box of the flow got from the search, for the boxes after it. It is still
  /// the earliest with room for a box of at least `teu` while no room has been given back on a
  /// service the route may use and no disruption announced since (room only shrinks, so nothing
  /// earlier can have opened), its first departure can still be boarded, and each of its
  /// departures has room for the box. The search looks `keep_beyond` past the planning horizon:
  /// a plan arriving after the horizon means "none" until the horizon reaches it, and no plan
  /// at all means "none" until the horizon passes where the search looked.
  static constexpr double keep_beyond_days = 14.0;
  struct RouteOffer {
    std::optional<Plan> plan;
    Hours looked_until{0.0}; ///< the latest arrival the search considered
    double teu = 0.0;
    std::uint64_t freed = 0;            ///< room_freed_ when it was found
    std::uint64_t learnt = 0;           ///< disruptions_learnt_ when it was found
    bool services_known = false;        ///< `services` filled in
    std::vector<ServiceIndex> services; ///< the timetabled services the route's filter lets ride
    /// The earliest itinerary without booking, for when no route has room: the timetable's
    /// alone, so it holds while its first departure can be boarded.
    std::optional<Plan> unbooked;
  };
  /// Whether `o` is still what the search would answer for a box of `teu` now.
  [[nodiscard]] bool still_holds(const RouteOffer &o, double teu) const;
  /// The latest arrival a plan made now may have: now + the planning horizon.
  [[nodiscard]] Hours horizon_end() const;
  [[nodiscard]] std::optional<Plan> within_horizon(const std::optional<Plan> &p) const;
  /// Whether service `s` leaves by a dispatch rule (no timetable, no bookings).
  [[nodiscard]] bool dispatched(ServiceIndex s) const;
  /// Whether a box ready now still makes the plan's first departure; false for a first ride
  /// that leaves when the box is ready (on demand, or by a dispatch rule).
  [[nodiscard]] bool boardable_now(const Plan &p) const;
  /// The earliest itinerary on route `r` of flow `f` without booking (kept as RouteOffer says).
  std::optional<Plan> route_unbooked(FlowIndex f, std::size_t r);
  std::optional<Plan> choose(FlowIndex f, std::vector<Plan> &plans,
                             const std::vector<double> &weights);
  [[nodiscard]] double closure_hours(const Plan &p) const;
  [[nodiscard]] double queue_hours(const Plan &p) const;
  /// A filter closed to the nodes (but `from`, where the box stands) and links that announced
  /// closures shut within the planning horizon; nullopt when none does.
  [[nodiscard]] std::optional<RouteFilter> detour(NodeIndex from) const;
  /// The earliest itinerary, or a detour around announced closures when it arrives earlier
  /// with the hours the closures would hold the first.
  [[nodiscard]] std::optional<Plan> earliest_expected(const DemandFlow &flow) const;
  [[nodiscard]] double generalised_cost(const DemandFlow &flow, const Plan &p) const;
  // planner_search.cpp
  /// A ride on `s`, one of the services that run the flow's whole way (direct_services_), on
  /// its first departure with room.
  std::optional<Plan> direct(const DemandFlow &flow, ServiceIndex s, double teu);
  /// The earliest plan from `ready` on whose departures `teu` fit, arriving within the planning
  /// horizon and `beyond` it. `found_none`, when given, says whether the search itself found
  /// nothing (rather than an itinerary whose departures could not be named: a route that passes
  /// a node twice).
  std::optional<Plan> bookable(const DemandFlow &flow, NodeIndex from, const RouteFilter &filter,
                               double teu, Hours ready, Hours beyond = Hours(0.0),
                               bool *found_none = nullptr);
  /// Names the departures `p` boards; the first leg whose departure is full, or legs.size().
  std::size_t full_leg(Plan &p, double teu) const;
  /// Whether departure `trip` of service `s` runs, has not left stop `board` yet, and has
  /// `teu` of room on each leg from `board` to `alight`.
  [[nodiscard]] bool has_room(ServiceIndex s, std::size_t board, std::size_t alight, Tick trip,
                              double teu) const;
  /// The departure (its tick at the first stop) of timetabled service `s` that leaves its
  /// first stop at `start`.
  [[nodiscard]] Tick trip_at(ServiceIndex s, Hours start) const;
  /// The start of the first departure of service `s` not known to be gone or too full on leg
  /// `leg` for a box of `teu`, or `start` when later (see full_until_).
  Hours full_before(ServiceIndex s, std::size_t leg, Hours start, double teu);
  /// From `from` (the flow's origin, or where a box re-plans) to the flow's destination; on
  /// departures with room when `room` is given.
  [[nodiscard]] std::optional<Itinerary> earliest(const DemandFlow &flow, NodeIndex from,
                                                  const RouteFilter &filter, Hours ready,
                                                  const DepartureRoom *room = nullptr,
                                                  Hours beyond = Hours(0.0)) const;
  /// The earliest itinerary by `filter` as a plan, without booking.
  [[nodiscard]] std::optional<Plan> unbooked(const DemandFlow &flow, NodeIndex from,
                                             const RouteFilter &filter, Hours ready,
                                             const DepartureRoom *room = nullptr,
                                             Hours beyond = Hours(0.0)) const;
  class RoomFor;
  bool to_legs(const Itinerary &it, std::vector<PlannedLeg> &legs) const;

  Context &ctx_;
  const Facilities &facilities_;
  /// The disruptions as far as they are announced (Cut::announced <= now).
  CutTimelines seen_;
  /// [service][stop]: the departure (tick at the first stop) that last left the stop; -1 none.
  std::vector<std::vector<Tick>> departed_;
  std::set<std::pair<Tick, ServiceIndex>> cancelled_; ///< (departure, service) that do not run
  /// TEU booked per departure (tick at the first stop, service) on each of its legs, for
  /// capacity-aware choice: a ride books the legs it rides, so boxes joining at a later stop
  /// take no room before it.
  std::map<std::pair<Tick, ServiceIndex>, std::vector<double>> booked_;
  /// Adds `teu` on the legs that `l` rides of its departure.
  void add_booking(const PlannedLeg &l, double teu);
  /// [service][leg * size_classes + c]: every departure (tick at the first stop) before this
  /// one has left, does not run, or has less room on the leg than 2^c times the smallest box
  /// that looked for room on the service so far (smallest_teu_); -1: not known yet. Moves on as
  /// searches look; moves back when room is given back; forgotten when a smaller box looks or a
  /// disruption is announced. So that a search jumps over the run of departures too full for
  /// its box that an overloaded service has, instead of looking at each. A box uses the largest
  /// class it is at least the size of.
  static constexpr std::size_t size_classes = 8;
  std::vector<std::vector<Tick>> full_until_;
  std::vector<double> smallest_teu_; ///< [service]
  void forget_full(ServiceIndex s);
  std::vector<RandomStream> choice_rng_;        ///< per flow
  std::vector<std::vector<RouteOffer>> offers_; ///< [flow][route of its choice set]
  /// What can make an earlier itinerary bookable again: room given back (counted, and per
  /// service the count when it last happened there) and disruptions announced.
  std::uint64_t room_freed_ = 0;
  std::vector<std::uint64_t> last_freed_; ///< [service]
  std::uint64_t disruptions_learnt_ = 0;
  /// [flow]: the services that run from its origin to its destination and take its cargo.
  std::vector<std::vector<ServiceIndex>> direct_services_;
};

} // namespace corsim::model::detail
