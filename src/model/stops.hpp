#pragma once
// Where boxes wait for their rides: the queue at each stop of each service, the container yards
// that hold them, the dispatch rule of services that leave when full or after a wait, and
// boarding and alighting. Internal to corsim_model.

#include "facilities.hpp"
#include "planner.hpp"
#include "results_collector.hpp"

#include <functional>
#include <vector>

namespace corsim::model::detail {

struct StopQueue {
  std::vector<std::uint32_t> waiting; ///< consignment slots, FIFO
  double teu = 0.0;
  EventId dispatch_timer;
};

class Stops {
public:
  /// Starts a vehicle of service `s` from stop `stop` now (Vehicles::launch); false when its
  /// fleet has no vehicle there.
  /// `extra`: an extra departure of a timetabled service (Service::extra).
  using Launch = std::function<bool(ServiceIndex s, std::size_t stop, bool extra)>;
  Stops(Context &ctx, Consignments &boxes, Facilities &facilities, ResultsCollector &results,
        Planner &planner);
  void set_launch(Launch launch) { launch_ = std::move(launch); }
  /// Schedules what happens when a closure or capacity cut is announced (the planner learns
  /// of it; boxes whose plans it touches re-plan) and when it ends (boxes whose plans were
  /// made knowing it re-plan).
  void follow_disruptions();
  /// Timetabled departure `key` of service `s` does not run: the planner books it no more.
  void departure_cancelled(ServiceIndex s, Tick key) { planner_.cancelled(s, key); }
  /// A vehicle of dispatched service `s`'s fleet now stands at its stop `stop`: the cargo
  /// waiting there leaves if the dispatch rule says so.
  void vehicle_ready(ServiceIndex s, std::size_t stop) { check_dispatch(s, stop); }
  /// Sends consignment `c` to the stop of its next leg (through the yard there, if any), or
  /// delivers it when it has no legs left.
  void to_next_leg(std::uint32_t c);
  /// Boards what waits at `stop` and fits into trip `t`; returns the TEU boarded.
  double board(Trip &t, std::size_t stop);
  /// TEU aboard `t` that alight at `stop`.
  [[nodiscard]] double alighting_teu(const Trip &t, std::size_t stop) const;
  /// The consignments whose ride ends at `stop` leave `t` and go on.
  void alight(Trip &t, std::size_t stop);
  /// TEU waiting at the stops of service `s` now.
  [[nodiscard]] double waiting_teu(ServiceIndex s) const;
  /// TEU aboard train `t` that leave it at `stop` for a train of the other gauge.
  [[nodiscard]] double to_other_gauge_teu(const Trip &t, std::size_t stop) const;
  /// Whether a box aboard `t` leaves it at `stop` to change to a train or truck there.
  [[nodiscard]] bool changes_to_land_ride_at(const Trip &t, std::size_t stop) const;

private:
  /// `c`, at the stop of its next leg (after any transfer time), goes through the yard there
  /// into the queue, re-planning first if news or a missed connection says so.
  void join_next_leg(std::uint32_t c);
  /// `c` joins the queue of its current leg's stop; `rolled`: it was left behind before.
  void enqueue(std::uint32_t c, bool rolled = false);
  void yard_enter(std::uint32_t c, NodeIndex node);
  void yard_leave(std::uint32_t c, NodeIndex node);
  void check_dispatch(ServiceIndex s, std::size_t stop);
  /// An extra departure of timetabled service `s` when enough waits at its first stop.
  void check_extra(ServiceIndex s);
  void dispatch_due(ServiceIndex s, std::size_t stop);
  void deliver(std::uint32_t c);
  void account_boarding(Trip &t, std::uint32_t c, NodeIndex node);
  /// Whether `k`, not booked on timetabled departure `t`, fits on it without taking room
  /// booked by boxes that join it at later stops.
  [[nodiscard]] bool fits_on(const Trip &t, const Consignment &k) const;
  /// `c`, not booked on `t`, boards it at `node`, moving its booking of this ride to `t`.
  void take_room(Trip &t, std::uint32_t c, NodeIndex node, std::vector<std::uint32_t> &boarded);
  /// Charges the hours `k` has waited at its stop until now: for a departure, or rolled over.
  void charge_wait(Consignment &k);
  /// Splits the queue at `stop` into those that board `t` and those that stay (in order).
  void pick(Trip &t, std::size_t stop, std::vector<std::uint32_t> &boarded,
            std::vector<std::uint32_t> &stay, std::vector<std::uint32_t> &left_behind);
  // stops_replan.cpp
  /// Whether `c`, arriving for its current leg, finds its booked departure already gone.
  [[nodiscard]] bool missed_connection(const Consignment &k) const;
  /// Whether news of a disruption since `k`'s plan was made touches it (news_affects).
  [[nodiscard]] bool has_news_for(const Consignment &k) const;
  /// Whether the announcement (`ended` false) or the end of cut `cut` concerns `k`'s plan.
  [[nodiscard]] bool news_affects(const Consignment &k, const Cut &cut, bool ended) const;
  /// `c`'s legs from its current one replaced by a new plan from where it stands; false when
  /// there is none (it keeps its plan).
  bool replan(std::uint32_t c);
  /// Re-plans `c`, waiting at `stop` of `service`; when its plan now starts with another ride
  /// it moves to that ride's queue.
  void replan_waiting(std::uint32_t c, ServiceIndex service, std::size_t stop);
  /// Cut `cut` is announced (`ended` false) or ends: the planner learns of it, and the boxes
  /// waiting at stops whose plans it concerns re-plan (others when they next change rides).
  void disruption_news(std::uint32_t cut, bool ended);

  Context &ctx_;
  Consignments &boxes_;
  Facilities &facilities_;
  ResultsCollector &results_;
  Planner &planner_;
  Launch launch_;
  std::vector<std::vector<StopQueue>> queues_; ///< [service][stop]
  /// Announcements and ends of cuts so far: (when, index into ModelInputs::cuts, ended).
  struct News {
    Tick at;
    std::uint32_t cut;
    bool ended;
  };
  std::vector<News> news_;
  /// [service]: the calendar week of its last extra departure and how many left in it.
  std::vector<std::pair<std::int64_t, int>> extra_week_;
  /// A departure is boarding: its queues are being rewritten, so no extra one may start.
  bool boarding_ = false;
};

} // namespace corsim::model::detail
