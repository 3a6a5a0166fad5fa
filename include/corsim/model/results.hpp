#pragma once
/// \file model/results.hpp
/// What a corridor simulation reports: per origin–destination flow, per facility, per service,
/// a ranked list of bottlenecks, and a conservation check per replication. Every figure is an
/// Estimate across replications (mean and Student-t 95% half width). Units: hours for every
/// duration (days only where results are shown), TEU for volumes, "per year" figures scale the
/// measured period (horizon after warm-up) to 365 days. Key results are the exception: each
/// carries its own unit, the one compare shows ("d" for transit), because the paired intervals
/// are computed in it. See docs/model.md for what each wait cause covers.

#include "corsim/network.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace corsim::model {

/// Where a consignment's time goes. The causes partition its transit time: their sum over a
/// consignment equals its delivery time minus its ready time.
enum class WaitCause : std::uint8_t {
  Departure,       ///< waiting at a stop for the first departure it could take
  RolledOver,      ///< left behind by a full vehicle, until it boards a later one
  YardFull,        ///< held outside a full yard (origin or transfer node)
  Loading,         ///< cranes / berth: loading and unloading, incl. queueing for them
  Customs,         ///< border customs of its vehicle (queue, clearance, inspection)
  GaugeQueue,      ///< waiting for a transfer track or for wagons of the other gauge
  Transfer,        ///< lifting between the trains of the two gauges
  LinkQueue,       ///< waiting for a path on a link with limited paths, or a single track
  RailRunning,     ///< train moving
  StopDwell,       ///< the service's scheduled dwell at intermediate stops
  SeaPassage,      ///< vessel sailing
  RoadBorderQueue, ///< road checkpoint: queue, quota, closed hours, processing
  Driving,         ///< truck moving
  DriverRest,      ///< breaks and daily rest under the driver-hours rules
  Closure,         ///< its vehicle held by a closed node or link (Network::disruptions)
  Weather,         ///< extra running time from weather disruptions
};
inline constexpr int wait_cause_count = 16;
const char *to_string(WaitCause c); ///< "departure", "rolled over", ...

/// A figure across replications: mean and half width of its 95% Student-t interval (0 when
/// fewer than two replications gave a value); n = replications that gave a value.
struct Estimate {
  double mean = 0.0;
  double half_width = 0.0;
  std::uint32_t n = 0;
};

/// The Estimate of values across replications; NaN values (no value that replication) are
/// left out.
Estimate estimate(const std::vector<double> &values);

/// One route a flow's consignments took: the services ridden, in order.
struct RouteResult {
  std::vector<ServiceIndex> services; ///< indices into SimulationResults::services
  Estimate share;                     ///< of the flow's consignments delivered, 0..1
  Estimate transit_mean;              ///< hours, over the replications that used it
};

struct OdResult {
  std::string flow; ///< demand flow id
  NodeIndex origin = 0;
  NodeIndex destination = 0;
  CargoClass cargo = CargoClass::Containers;
  /// Transit (delivery - ready), hours, of consignments ready after the warm-up.
  Estimate transit_mean, transit_p50, transit_p90, transit_p95, transit_max;
  Estimate on_time_share;          ///< 0..1 of those delivered by their due time
  Estimate delivered_teu_per_year; ///< TEU delivered during the measured period, per year
  Estimate backlog_teu;            ///< TEU never loaded on a vehicle at the end of the run
  Estimate in_transit_teu;         ///< TEU loaded but not delivered at the end
  Estimate unroutable_teu;         ///< TEU for which no itinerary was found (whole run)
  Estimate cost_per_teu;           ///< USD, tariffs of the planned itinerary
  Estimate co2_per_teu;            ///< tonnes CO2e
  std::array<Estimate, wait_cause_count> wait_hours{}; ///< mean hours per consignment, by cause
  std::vector<RouteResult> routes;                     ///< most used first
  /// Transit-time distribution pooled over the replications: share of consignments (0..1) in
  /// each bin `transit_bin` wide, the first bin starting at 0.
  std::vector<double> transit_histogram;
  Hours transit_bin{hours_per_day};
  std::string note; ///< why a flow was not simulated (e.g. bookings files), else empty
};

enum class FacilityKind {
  Handling,
  Yard,
  Customs,
  GaugeTracks,
  WagonPool,
  RoadCheckpoint,
  Berths,
  LinkPaths,  ///< a link's paths per day (both directions together)
  SingleTrack ///< a single-track link: one vehicle on it at a time
};
const char *to_string(FacilityKind k); ///< "handling", "yard", ...

struct FacilityResult {
  NodeIndex node = 0;          ///< for link facilities, the link's `from` node
  LinkIndex link = UINT32_MAX; ///< link facilities only
  FacilityKind kind = FacilityKind::Customs;
  double capacity = 0.0; ///< lanes, tracks, berths, wagons, TEU slots, 1 crane gang
  Estimate utilisation;  ///< time-average share of capacity in use, 0..1
  Estimate mean_queue;   ///< time-average vehicles waiting (yard: TEU held outside)
  Estimate max_queue;
  Estimate mean_wait; ///< hours a vehicle (yard: a consignment) waits before service
  Estimate visits_per_year;
  Estimate delay_teu_hours_per_year; ///< TEU on board × hours queued: the ranking key
  Estimate background_share;         ///< of the visits, those of background traffic, 0..1
  /// TEU aboard the vehicles served a year (customs, checkpoint, cranes, berths, gauge tracks,
  /// train paths; background traffic's included); 0 for yards and wagon pools.
  Estimate teu_per_year;
};

/// "customs at ZBK", "train paths at link HRB-MZL": how tables and key results name it.
std::string facility_name(const Network &net, const FacilityResult &f);

struct ServiceResult {
  std::string id;
  bool on_demand = false;       ///< a truck on a road link that no service runs over
  Teu capacity{0.0};            ///< TEU per vehicle (trains: length and wagon limits applied)
  Estimate departures_per_year; ///< vehicles leaving their first stop
  Estimate load_factor;         ///< mean over legs run of load / capacity
  Estimate rolled_over_teu_per_year;
  Estimate delay_teu_hours_per_year; ///< TEU × hours spent rolled over
  Estimate cancelled_per_year;       ///< departures without a vehicle of its fleet at hand
  Estimate empty_trips_per_year;     ///< trips that carried nothing (empty running)
};

/// One stream of background traffic (Network::background) over the measured period.
struct BackgroundResult {
  std::string id;
  std::string name;
  Estimate vehicles_per_year; ///< that entered
  Estimate teu_per_year;      ///< their load (bulk in TEU-equivalents)
  Estimate hours_through;     ///< mean hours from entering to leaving the network
};

/// Traffic over one link, both directions together.
struct LinkResult {
  LinkIndex link = 0;
  Estimate teu_per_year;      ///< TEU carried over it
  Estimate vehicles_per_year; ///< trains, vessels or trucks that ran over it
  /// Share of its capacity in use, 0..1: train paths used per day / paths per day, or the
  /// single track's busy share; no value (n = 0) when the link has no capacity limit.
  Estimate utilisation;
};

/// Facility and service figures per period of the measured time, averaged over the
/// replications: utilisation and queues over time. A period is a week, or a whole number of
/// weeks over horizons longer than ten years (at most 520 periods).
struct TimeSeries {
  Hours period{7.0 * hours_per_day};
  /// [facility][period], indices as SimulationResults::facilities.
  std::vector<std::vector<double>> facility_utilisation; ///< time-average share in use, 0..1
  std::vector<std::vector<double>> facility_queue;       ///< time-average queue
  /// [service][period], indices as SimulationResults::services.
  std::vector<std::vector<double>> service_departures; ///< vehicles leaving their first stop
  std::vector<std::vector<double>> service_teu;        ///< TEU loaded at their first stop
  /// TEU waiting at the service's stops at the end of each period.
  std::vector<std::vector<double>> service_waiting_teu;
  /// [period]: TEU generated and not yet delivered (waiting or under way) at its end.
  std::vector<double> in_system_teu;
};

/// Something that grew without bound over the measured time: over the periods of the time
/// series, the Theil–Sen line rises by more than half the series' mean and by more than
/// a floor (docs/model.md, "Overload").
struct Overload {
  std::string
      what; ///< "TEU in the system", "TEU waiting for service CMO", "queue at customs at ZBK"
  std::string unit;    ///< "TEU" or "vehicles"
  double growth = 0.0; ///< rise of the line from the first period to the last
  double mean = 0.0;   ///< mean over the periods
};

/// One entry of the ranked bottleneck list: a facility or a service, by the TEU-hours of
/// queueing (or rollover) it causes per year.
struct Bottleneck {
  std::string what; ///< "customs at B", "service ABC-train (rolled over)"
  double delay_teu_hours_per_year = 0.0;
  double utilisation = 0.0; ///< 0..1; for services the load factor
};

/// TEU accounting of one replication over the whole run (warm-up included):
/// generated = delivered + in_transit + backlog + unroutable.
struct Conservation {
  double generated = 0.0;
  double delivered = 0.0;
  double in_transit = 0.0;
  double backlog = 0.0;
  double unroutable = 0.0;
  std::uint64_t consignments = 0; ///< generated (after splitting to vehicle size)
  [[nodiscard]] double imbalance() const {
    return generated - delivered - in_transit - backlog - unroutable;
  }
};

struct ReplicationSummary {
  Conservation teu;
  std::uint64_t events = 0;    ///< engine events run
  double max_yard_teu = 0.0;   ///< highest occupancy of any yard, TEU
  double max_yard_share = 0.0; ///< highest occupancy / slots of any yard, 0..1
  /// Background vehicles over the whole run: entered = left + still in the network.
  std::uint64_t background_entered = 0;
  std::uint64_t background_left = 0;
};

/// One key result per replication, for stopping rules and paired comparisons: the transit
/// mean and p95 (days), TEU delivered per year and on-time share of each flow, and the
/// utilisation of each facility. NaN where a replication gave no value.
struct KeyResult {
  std::string subject; ///< flow id, or "customs at ZBK"
  std::string measure; ///< "transit mean", "transit p95", "delivered", "on time", "utilisation"
  std::string unit;    ///< "d", "TEU/yr", "share"
  std::vector<double> per_replication;
  Estimate estimate;
};

struct SimulationResults {
  Hours measured{0.0};      ///< horizon after the warm-up
  std::vector<OdResult> od; ///< in the order of Network::demand
  std::vector<FacilityResult> facilities;
  std::vector<ServiceResult> services;      ///< network services, then on-demand road links used
  std::vector<LinkResult> links;            ///< in the order of Network::links
  std::vector<BackgroundResult> background; ///< in the order of Network::background
  TimeSeries over_time;
  std::vector<Bottleneck> bottlenecks; ///< highest delay first; only those with delay > 0
  std::vector<ReplicationSummary> replications;
  std::vector<KeyResult> key;        ///< per replication, in replication order
  std::vector<std::string> warnings; ///< model simplifications that bit (e.g. wagon shortfall)
  /// What grew without bound; the system's content first when it did. Not empty: the run is
  /// overloaded, and transit statistics (of the boxes delivered) are censored.
  std::vector<Overload> overloads;
};

/// What grew without bound over the measured time in `r.over_time` (the Overload rule): the
/// TEU in the system, each service's TEU waiting, each facility's queue.
std::vector<Overload> find_overloads(const Network &net, const SimulationResults &r);

} // namespace corsim::model
