#pragma once
// The facilities of a replication: at nodes customs, road checkpoint, crane gang, berths,
// gauge-change yard and container yard; on links paths per day and single track. Each keeps
// its own queue and statistics. facility_calls.cpp holds what a vehicle does at customs, the
// checkpoint, the cranes and the gauge change; vehicles.cpp holds berths, link paths and single
// track, and stops.cpp takes boxes in and out of the yards. Internal to corsim_model.

#include "trip.hpp"

#include "corsim/resource.hpp"
#include "corsim/statistics.hpp"

#include <deque>
#include <memory>
#include <vector>

namespace corsim::model::detail {

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
  std::uint64_t background_visits = 0; ///< of the visits, by background traffic
  double teu = 0.0;                    ///< aboard the vehicles served (background included)
  double last_wait = 0.0; ///< hours the vehicle served last had queued (the wait a planner sees)
  /// What limits the hours it offers, for utilisation over them: the calendar its Resource
  /// keeps and its node's capacity cuts (null: always open, never cut); a crane gang keeps its
  /// one unit under a cut (its rate falls instead).
  const Calendar *calendar = nullptr;
  const Timeline *cut = nullptr;
  bool gang = false;
  /// Unit-hours it offers over [from, to): its units under the cuts, while open.
  [[nodiscard]] double unit_hours(Tick from, Tick to) const;
  void reset(Tick t);
  /// A vehicle joins the queue now; returns the time, for start().
  Tick arrive(Tick now);
  /// A vehicle with `load` TEU (`background`: of other origins) that arrived at `since` is
  /// served from now.
  void start(Tick now, Tick since, double load, bool background);
  /// A vehicle's service ends now.
  void finish(Tick now) { busy.add(now, -1.0); }
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
  void reset(Tick t);
  /// `teu` more fit now (within the slots).
  [[nodiscard]] bool fits(double teu) const;
  /// Takes `teu` in at once, when nothing is held before them and they fit; false otherwise.
  bool try_enter(Tick now, double teu);
  /// Consignment slot `c` of `teu` waits outside the full yard from now.
  void hold(std::uint32_t c, double teu, Tick now);
  /// The first held consignment, of `teu`, is let in after waiting `waited` hours.
  void admit_held(double teu, double waited);
  /// Records the occupancy and the TEU held outside now.
  void record(Tick now);
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
  void reset(Tick t);
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
  double headway = 0.0;              ///< hours between entries in one direction; 0 = unlimited
  Tick next_entry[2] = {0, 0};       ///< earliest entry per direction (0: from -> to)
  std::uint64_t entries[2] = {0, 0}; ///< per direction, in the measured period
  Station paths;                     ///< queue, waits and entries; its Resource is not used
  std::unique_ptr<Station> single;
  double teu = 0.0;           ///< the corridor's carried over it in the measured period
  std::uint64_t vehicles = 0; ///< of the corridor's services that ran over it then
  /// The earliest entry at or after `now` in direction `dir` under the link's timeline `cut`,
  /// which the next vehicle that way must keep a headway from.
  Tick book_entry(int dir, Tick now, const Timeline &cut);
  /// A vehicle with `load` TEU that asked for a path in direction `dir` at `since` enters now.
  void entered(Tick now, Tick since, double load, int dir, bool background);
  void reset(Tick t);
};

/// Units of a facility of `capacity` units under a cut to `factor` (rounded, at least one while
/// open; none when closed); a crane gang keeps its unit.
int units_under_cut(int capacity, double factor, bool gang);

/// One replication's figures of a facility over the measured period; per-year figures are
/// scaled by the horizon.
struct FacSample {
  double util;   ///< time-average share of capacity in use while open (paths: busier direction)
  double mean_q; ///< time-average queue
  double max_q;
  double wait;            ///< mean hours waited per visit (NaN: no visits)
  double visits;          ///< per year
  double delay;           ///< TEU-hours queued per year
  double background;      ///< share of the visits by background traffic (NaN: no visits)
  double available = 1.0; ///< of the window's nominal capacity, the share offered (open, not cut)
  double teu = 0.0;       ///< aboard the vehicles served, per year (stations and paths)
};

/// One replication's traffic on a link over the measured period.
struct LinkSample {
  double teu, vehicles; ///< per year
  double util;          ///< of its tightest limit (paths or single track); NaN: unlimited
};

/// Every facility of the network, in the order results list them (facility_samples.cpp).
std::vector<model::FacilityResult> facility_catalogue(const Network &net);

class Facilities {
public:
  /// Builds every node's and link's facilities and schedules their capacity cuts.
  explicit Facilities(Context &ctx);
  NodeState &node(NodeIndex n) { return nodes_[n]; }
  LinkState &link(LinkIndex l) { return links_[l]; }
  [[nodiscard]] const std::vector<NodeState> &nodes() const { return nodes_; }
  [[nodiscard]] const std::deque<LinkState> &links() const { return links_; }
  /// Statistics start again at `t` (the end of the warm-up); states carry on.
  void reset_statistics(Tick t);
  /// The figures of the facility `key` (from facility_catalogue) over [warm-up end, at];
  /// `per_year` scales counts to a year (facility_samples.cpp).
  [[nodiscard]] FacSample measure(const model::FacilityResult &key, Tick at, double per_year) const;
  /// Hours a vehicle of `mode` stopping at or passing `node` would queue at its facilities as
  /// they stand now: at each facility with vehicles waiting, the last served one's wait.
  [[nodiscard]] double queue_hours(NodeIndex node, Mode mode) const;
  /// The traffic on link `l` over the measured period.
  [[nodiscard]] LinkSample link_sample(LinkIndex l, double per_year) const;

  // What a vehicle does at a facility (facility_calls.cpp); each charges `t.clock`.
  /// Customs for trains and trucks; the road checkpoint for trucks when `checkpoint_too`.
  Process border(Trip &t, NodeIndex node, bool customs, bool checkpoint_too);
  /// Moves of `teu` boxes by the berth's cranes (vessels in port) or the node's crane gang.
  Process cranes(Trip &t, NodeIndex node, double teu);
  /// The break of gauge before leg `i` of the trip's service, if there is one.
  Process change_gauge(Trip &t, std::size_t i);
  /// `teu` boxes that leave trip `t` at `node` for a train of the other gauge, lifted across on
  /// a track of the gauge-change yard (the onward train brings its wagons).
  Process lift_to_other_gauge(Trip &t, NodeIndex node, double teu);

private:
  void schedule_capacity_cuts();
  [[nodiscard]] FacSample paths_sample(const LinkState &l, const Timeline &cut, Tick at,
                                       double per_year) const;
  Process checkpoint(Trip &t, NodeIndex node);
  Process take_wagons(Trip &t, NodeIndex node);
  /// A transfer track for lifting `teu` at `node`'s yard; the wait since `since` is charged as
  /// the gauge queue, the lifting as transfer.
  Process lift_on_track(Trip &t, NodeIndex node, double teu, Tick since);

  Context &ctx_;
  std::vector<NodeState> nodes_;
  std::deque<LinkState> links_; // deque: LinkState holds a Resource and cannot move
  std::vector<RandomStream> node_rng_;
};

} // namespace corsim::model::detail
