#pragma once
/// \file timetable.hpp
/// Timetable-aware routing: from a ready time at the origin, wait for the actual departures of
/// the services (weekly timetables, sailing days, intervals) and return the earliest arrival
/// with its itinerary; and the 7-day profile (arrival as a function of ready time over a week).
///
/// Times are hours from the network's epoch (Settings::epoch, 00:00). Weekly departures are
/// hours after Monday 00:00, mapped through the epoch's weekday. A service runs at the mean
/// running time of its legs (road legs with driver-hours rests, see DwellOptions: one driver
/// for the whole run, as the simulation's trucks) and dwells, at
/// each intermediate stop, its own `dwell` plus the
/// node's through dwell (customs; see routing_graph.hpp). Changing vehicle at a node costs the
/// routing graph's Through (same port) or Transfer (other port) dwell; where the graph has no
/// transfer (e.g. no gauge-change yard) the change is not possible. Road links that no service
/// runs over are driven on demand (a truck leaves when the box is ready). Dispatch services are
/// assumed to leave at their latest, max_wait after the box is ready. See docs/routing.md.

#include "corsim/routing_graph.hpp"

#include <optional>
#include <vector>

namespace corsim {

/// One ride: on a service between two of its stops, or a road link driven on demand.
struct TimetableLeg {
  bool on_demand = false;               ///< a truck on a road link without a service
  ServiceIndex service = invalid_index; ///< when !on_demand
  LinkIndex link = invalid_index;       ///< when on_demand
  NodeIndex from = 0;
  NodeIndex to = 0;
  Port port = Port::Rail1435; ///< how the box rides
  Hours ready{0.0};           ///< box ready to board at `from` (after any transfer dwell), hours
  Hours departure{0.0};       ///< hours from the epoch
  Hours arrival{0.0};
  Usd cost{0.0};   ///< service tariff + link costs of the legs ridden, per TEU
  Tonnes co2{0.0}; ///< per TEU
  [[nodiscard]] Hours wait() const { return departure - ready; }
};

struct Itinerary {
  Hours ready{0.0};   ///< at the origin, hours from the epoch
  Hours arrival{0.0}; ///< at the destination
  std::vector<TimetableLeg> legs;
  Usd cost{0.0};
  Tonnes co2{0.0};
  [[nodiscard]] Hours duration() const { return arrival - ready; }
};

/// Which departures can take a box: a caller's bookings. With it, the search boards the first
/// departure of a service that has room for the whole ride, not just the first departure.
class DepartureRoom {
public:
  /// Whether the departure leaving service `s`'s first stop at `start` can take the box from
  /// its stop `board` to its stop `alight`.
  [[nodiscard]] virtual bool fits(ServiceIndex s, std::size_t board, std::size_t alight,
                                  Hours start) const = 0;
  /// A departure start at or after `start` before which no departure of service `s` has room
  /// on its leg `leg` (from stop `leg` to the next): lets the search jump over a run of full
  /// departures at once. `start` when nothing is known.
  [[nodiscard]] virtual Hours full_before(ServiceIndex s, std::size_t leg, Hours start) const {
    (void)s;
    (void)leg;
    return start;
  }

protected:
  ~DepartureRoom() = default;
};

struct TimetableQuery {
  NodeIndex from = 0;
  NodeIndex to = 0;
  Hours ready{0.0};                          ///< hours from the epoch
  CargoClass cargo = CargoClass::Containers; ///< services not accepting it are skipped
  RouteFilter filter;
  Hours horizon{24.0 * 120};           ///< arrivals later than ready + horizon are not considered
  const DepartureRoom *room = nullptr; ///< none: every departure has room
};

/// Arrival for one ready time of a profile; nullopt when nothing arrives within the horizon.
struct ProfilePoint {
  Hours ready{0.0};
  std::optional<Hours> arrival;
};

/// The first departure of `sch` at or after `t` (hours from `epoch`, whose weekday places a
/// weekly timetable); a dispatch rule leaves its max_wait after `t`.
Hours first_departure_at_or_after(const Schedule &sch, Hours t, CivilDate epoch);

class Timetable {
public:
  explicit Timetable(const RoutingGraph &graph);

  [[nodiscard]] const RoutingGraph &graph() const { return *graph_; }
  /// Departure of service s from its stop `stop` at or after t (hours from the epoch).
  [[nodiscard]] Hours next_departure(ServiceIndex s, std::size_t stop, Hours t) const;
  /// Hours from the service's departure at its first stop to departure from / arrival at `stop`.
  [[nodiscard]] Hours departure_offset(ServiceIndex s, std::size_t stop) const;
  [[nodiscard]] Hours arrival_offset(ServiceIndex s, std::size_t stop) const;
  /// Running time of a link driven on demand: its mean, and on the road the driver-hours rests
  /// of a driver rested at its start (DwellOptions of the graph).
  [[nodiscard]] Hours running_time(const Link &l) const;
  /// Ports a box can board service s on at `stop`: those of the leg leaving it (both rail
  /// ports on dual-gauge track). Along the ride, a single-gauge leg sets the port.
  [[nodiscard]] std::vector<Port> ports(ServiceIndex s, std::size_t stop) const;

  /// Earliest arrival and its itinerary; nullopt when the destination cannot be reached within
  /// the horizon. Among equal arrivals the first settled in (time, vertex index) order wins.
  /// Throws ApiMisuse for node indices out of range.
  [[nodiscard]] std::optional<Itinerary> earliest_arrival(const TimetableQuery &q) const;
  /// Earliest arrival for ready times q.ready, q.ready + step, ... over 7 days (168 h / step
  /// points).
  [[nodiscard]] std::vector<ProfilePoint> weekly_profile(const TimetableQuery &q,
                                                         Hours step = Hours(1.0)) const;

private:
  struct Stop {
    ServiceIndex service;
    std::size_t index;
  };
  const RoutingGraph *graph_;
  std::vector<std::vector<double>> departure_offset_; ///< [service][stop]
  std::vector<std::vector<double>> arrival_offset_;   ///< [service][stop]
  std::vector<std::vector<Stop>> stops_at_;           ///< [node]: services stopping there
  std::vector<LinkIndex> on_demand_;                  ///< road links without a service
  double week_shift_ = 0.0; ///< hours from Monday 00:00 to the epoch's 00:00
  friend class TimetableSearch;
};

} // namespace corsim
