#pragma once
// One replication of the corridor simulation: the engine, the live consignments, the queues
// at service stops, the facilities and the statistics. Internal to corsim_model.

#include "corsim/engine.hpp"
#include "corsim/model/driver_hours.hpp"
#include "corsim/model/simulation.hpp"
#include "corsim/process.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"
#include "corsim/statistics.hpp"
#include "corsim/timetable.hpp"

#include <array>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace corsim::model::detail {

using Causes = std::array<double, wait_cause_count>; // hours by WaitCause

/// Transit histograms have one bin per day up to this many days; the last bin holds the rest.
inline constexpr std::size_t max_histogram_days = 400;

/// A target's capacity over time from its closures and capacity cuts: `factor[i]` holds from
/// `at[i]` until `at[i + 1]`, 1 before `at[0]`; overlapping disruptions multiply.
struct Timeline {
  std::vector<Tick> at;
  std::vector<double> factor;
  [[nodiscard]] bool empty() const { return at.empty(); }
  [[nodiscard]] double factor_at(Tick t) const;
  /// The earliest tick >= t at which the factor is positive (t when open).
  [[nodiscard]] Tick open_at(Tick t) const;
};

/// A weather disruption's occurrence on one link.
struct WeatherWindow {
  Tick start = 0;
  Tick end = 0;
  std::uint32_t disruption = 0; ///< index into Network::disruptions (its random stream)
};

/// The random stream number of what draws (purpose "flow", "link", ...) and its id.
std::uint64_t stream_key(const char *purpose, const std::string &id);

/// Read-only inputs shared by all replications.
struct ModelInputs {
  const Network *net = nullptr;
  const SimulationOptions *options = nullptr;
  const Timetable *timetable = nullptr;
  std::vector<Service> services;        ///< network services, then on-demand road links
  std::vector<Teu> capacity;            ///< effective TEU per vehicle, per service
  std::vector<std::uint32_t> on_demand; ///< [link * 2 + (reverse ? 1 : 0)] -> service
  /// Logit or fixed shares: per flow, one filter per alternative route (empty otherwise),
  /// and for fixed shares their weights (empty for flows chosen by logit).
  std::vector<std::vector<RouteFilter>> choice_sets;
  std::vector<std::vector<double>> choice_shares;
  /// Disruptions (disruptions.cpp): per node, link and service (empty for on-demand trucks).
  std::vector<Timeline> node_cut, link_cut, service_cut;
  std::vector<std::vector<WeatherWindow>> link_weather; ///< per link
};

/// Fills the disruption fields of `in` for a run of `until` hours (disruptions.cpp).
void add_disruptions(ModelInputs &in, Hours until);

/// One ride of a planned itinerary: service, and the stop indices where it boards and alights.
struct PlannedLeg {
  std::uint32_t service = 0;
  std::uint16_t board = 0;
  std::uint16_t alight = 0;
  /// The departure booked (its tick at the service's first stop); -1 = any with room. A booked
  /// consignment does not board an earlier departure.
  Tick trip = -1;
};

/// A planned itinerary: the timetable's, as rides on the model's services.
struct Plan {
  Itinerary it;
  std::vector<PlannedLeg> legs;
};

struct Consignment {
  std::uint64_t id = 0;
  std::uint32_t flow = 0;
  double teu = 0.0;
  Tick ready = 0;
  Tick due = 0; ///< 0 = none
  Tick queued_since = 0;
  Tick rolled_since = -1;  ///< first departure that left it behind on the current leg
  Tick blocked_since = -1; ///< when it found its yard full
  std::uint32_t leg = 0;
  bool boarded_once = false;
  bool in_yard = false;
  bool live = false;
  double cost = 0.0;
  double co2 = 0.0;
  std::vector<PlannedLeg> legs;
  Causes wait{};
  Causes snapshot{}; ///< the vehicle's cause clock when it boarded
};

/// A facility served by a Resource, with its statistics.
struct Station {
  Station(Engine &eng, int units) : res(eng, units), capacity(units) {}
  Resource res;
  int capacity;
  TimeWeighted busy;
  TimeWeighted queue;
  Tally wait;
  double delay_teu_hours = 0.0;
  std::uint64_t visits = 0;
  void reset(Tick t);
};

struct YardState {
  double slots = 0.0;
  double used = 0.0;
  double max_used = 0.0; ///< over the whole run, for the capacity check
  std::deque<std::uint32_t> blocked;
  double blocked_teu = 0.0;
  TimeWeighted occupancy;
  TimeWeighted blocked_level;
  Tally wait;
  double delay_teu_hours = 0.0;
  std::uint64_t visits = 0;
};

struct GaugeYard {
  GaugeYard(Engine &eng, const GaugeChange &gc);
  Station tracks;
  std::unique_ptr<Container> wagons; ///< null when the pool is not modelled (0 wagons)
  TimeWeighted wagons_out;
  TimeWeighted wagon_queue;
  Tally wagon_wait;
  double wagon_delay_teu_hours = 0.0;
  std::uint64_t wagon_visits = 0;
};

struct NodeState {
  std::unique_ptr<Station> customs;
  std::unique_ptr<Station> checkpoint;
  std::unique_ptr<Station> handling; ///< one crane gang: all cranes work one vehicle
  std::unique_ptr<Station> berths;
  std::unique_ptr<GaugeYard> gauge;
  std::unique_ptr<YardState> yard;
  std::int64_t quota_day = -1;
  int quota_used = 0;
};

/// Paths per day per direction (a minimum headway between entries) and single-track working.
struct LinkState {
  LinkState(Engine &eng, const Link &l);
  double headway = 0.0;        ///< hours between entries in one direction; 0 = unlimited
  Tick next_entry[2] = {0, 0}; ///< earliest entry per direction (0: from -> to)
  Station paths;               ///< queue, waits and entries; its Resource is not used
  std::unique_ptr<Station> single;
  double teu = 0.0;           ///< carried over it in the measured period
  std::uint64_t vehicles = 0; ///< that ran over it in the measured period
};

struct StopQueue {
  std::vector<std::uint32_t> waiting; ///< consignment slots, FIFO
  double teu = 0.0;
  EventId dispatch_timer;
};

struct ServiceStats {
  std::uint64_t departures = 0;
  double teu_loaded = 0.0; ///< at the first stop of each departure
  Tally load_factor;
  double rolled_teu = 0.0;
  double rolled_teu_hours = 0.0;
};

struct FlowStats {
  Tally transit;
  P2Quantile p50{0.5}, p90{0.9}, p95{0.95};
  std::uint64_t on_time = 0;
  double delivered_teu = 0.0; ///< during the measured period
  Causes wait_sum{};
  Tally cost, co2;
  std::map<std::vector<std::uint32_t>, Tally> by_route; ///< transit by services ridden
  std::vector<std::uint64_t> histogram; ///< transit, consignments per whole day (last: more)
  Conservation teu;                     ///< whole run
};

/// A vehicle on one trip: its load and the clock of causes its passengers share.
struct Trip {
  std::uint64_t number = 0;
  std::uint32_t service = 0;
  std::vector<std::uint32_t> aboard;
  double load = 0.0;
  Causes clock{};
  DriverState driver;
  Gauge gauge = Gauge::None;
  int wagons_held = 0; ///< wagons taken from a gauge-change pool, returned after departure
  GaugeYard *wagons_from = nullptr;
  double capacity = 0.0; ///< TEU, after any capacity cut of the service at departure
  Tick key = -1;         ///< timetabled: its departure from the first stop, as bookings name it
  double boarded_first = 0.0; ///< TEU boarded at the first stop, loaded by the trip's cranes
};

class Replication {
public:
  Replication(const ModelInputs &in, int replication);
  Replication(const Replication &) = delete;
  Replication &operator=(const Replication &) = delete;
  void run();
  /// Calls `hook` every `period` ticks of the measured time (not at its start), after the
  /// other events at that time; set before run(). For time series.
  void every(Tick period, std::function<void(Tick)> hook);

  // Results, read by the summary after run().
  Engine eng; // first: outlives the resources and processes below
  const ModelInputs &in;
  const Network &net;
  int rep;
  Tick warmup_end, end;
  std::vector<NodeState> nodes;
  std::deque<LinkState> links; // deque: LinkState holds a Resource and cannot move
  std::vector<FlowStats> flows;
  std::vector<ServiceStats> service_stats;
  std::vector<std::string> warnings;
  Conservation totals() const;

private:
  // demand.cpp
  void start_flow(std::uint32_t f);
  void generate(std::uint32_t f);
  void book(std::uint32_t f, std::size_t i);
  /// Plans and releases `teu` of `flow` now; due at `due_at` (a tick), or by the flow's `due`
  /// when negative.
  void release(const DemandFlow &flow, double teu, Tick due_at = -1);
  std::optional<Plan> plan(const DemandFlow &flow, double teu);
  std::optional<Plan> choose(std::uint32_t f, std::vector<Plan> &plans,
                             const std::vector<double> &weights);
  double closure_hours(const Plan &p) const;
  std::optional<Plan> direct(const DemandFlow &flow, std::uint32_t s, double teu);
  std::optional<Plan> bookable(const DemandFlow &flow, const RouteFilter &filter, double teu);
  /// Names the departures `p` boards; the first leg whose departure is full, or legs.size().
  std::size_t full_leg(Plan &p, double teu) const;
  std::optional<Itinerary> earliest(const DemandFlow &flow, const RouteFilter &filter,
                                    Hours ready) const;
  bool to_legs(const Itinerary &it, std::vector<PlannedLeg> &legs) const;
  // replication.cpp
  std::uint32_t new_consignment();
  void free_consignment(std::uint32_t c);
  void to_next_leg(std::uint32_t c);
  void enqueue(std::uint32_t c);
  void yard_enter(std::uint32_t c, NodeIndex node);
  void yard_leave(std::uint32_t c, NodeIndex node);
  void check_dispatch(std::uint32_t s, std::size_t stop);
  void dispatch_due(std::uint32_t s, std::size_t stop);
  void deliver(std::uint32_t c);
  void reset_statistics();
  void schedule_capacity_cuts();
  double capacity_now(std::uint32_t s) const;
  void trace(TraceEvent::Kind k, std::uint64_t cons, std::uint64_t trip, std::uint32_t s,
             NodeIndex n, double teu) const;
  // trip.cpp
  Process timetable_departures(std::uint32_t s);
  void launch(std::uint32_t s, std::size_t stop);
  Process trip(Trip t, std::size_t start);
  Process call(Trip &t, std::size_t i, std::size_t start);
  Process border(Trip &t, NodeIndex node, bool customs, bool checkpoint_too);
  Process checkpoint(Trip &t, NodeIndex node);
  Process cranes(Trip &t, NodeIndex node, double teu);
  Process change_gauge(Trip &t, std::size_t i);
  Process take_wagons(Trip &t, NodeIndex node);
  Process ride(Trip &t, std::size_t i);
  Hours run_leg(Trip &t, std::size_t i);
  double alighting_teu(const Trip &t, std::size_t stop) const;
  double board(Trip &t, std::size_t stop);
  void account_boarding(Trip &t, std::uint32_t c, NodeIndex node);
  void alight(Trip &t, std::size_t stop);
  void note_once(const std::string &text);
  void schedule_period(Tick at);
  Tick period_ = 0;
  std::function<void(Tick)> period_hook_;

public:
  std::vector<Consignment> pool;
  std::vector<std::uint32_t> free_slots;
  std::vector<std::vector<StopQueue>> queues; ///< [service][stop]
  /// TEU booked per departure (tick at the first stop, service), for capacity-aware choice.
  std::map<std::pair<Tick, std::uint32_t>, double> booked;
  std::vector<RandomStream> flow_rng, link_rng, node_rng, choice_rng, weather_rng;
  std::uint64_t next_id = 1, next_trip = 1;
};

} // namespace corsim::model::detail
