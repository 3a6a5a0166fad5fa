#pragma once
/// \file model/simulation.hpp
/// The corridor simulation on the discrete-event engine: consignments generated per demand
/// flow travel on the vehicles of the network's services (trains, vessels, trucks) through its
/// facilities (handling, yards, customs, gauge-change yards, road checkpoints, seaports).
/// docs/model.md describes the entities, events and simplifications.
///
/// Example (io::load_network: corsim/io/load.hpp, in corsim::io; tests/consumer/ builds on it):
/// \code
///   corsim::Network net = corsim::io::load_network("corridors/teaching.yaml");
///   corsim::model::SimulationOptions opt;
///   opt.horizon = corsim::days(365);
///   opt.replications = 5;
///   auto results = corsim::model::simulate(net, opt);
///   double p95 = results.od[0].transit_p95.mean;   // hours
/// \endcode

#include "corsim/model/results.hpp"
#include "corsim/network.hpp"
#include "corsim/units.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace corsim::model {

/// One step in the life of a consignment or vehicle, for the optional trace.
struct TraceEvent {
  enum class Kind : std::uint8_t {
    Ready,      ///< consignment generated at its origin
    Unroutable, ///< no itinerary found
    Queued,     ///< waiting at a stop for a service (after any yard gate)
    Boarded,
    Alighted,
    Delivered,
    Departed,  ///< vehicle leaves a stop (teu = load)
    Arrived,   ///< vehicle reaches a stop (teu = load)
    Replanned, ///< consignment took a new plan where it stands (service: its next ride)
  };
  int replication = 0;
  double time = 0.0; ///< hours from the epoch
  Kind kind = Kind::Ready;
  std::uint64_t consignment = 0;     ///< consignment events; 0 for vehicle events
  std::uint64_t trip = 0;            ///< vehicle trip number; 0 when not on a vehicle
  ServiceIndex service = UINT32_MAX; ///< index into SimulationResults::services
  NodeIndex node = 0;
  double teu = 0.0;
};
const char *to_string(TraceEvent::Kind k);

/// Receives trace events; off (empty) by default. Called from the simulating thread.
using TraceSink = std::function<void(const TraceEvent &)>;

/// How a consignment picks its itinerary when it becomes ready.
enum class RouteChoice {
  /// The timetable's earliest arrival over the whole network; no booking: a full vehicle
  /// rolls boxes over to the next departure.
  EarliestArrival,
  /// Logit over the k best routes by generalised cost (cost + value of time × hours): each
  /// route's earliest itinerary *with room* (the TEU already booked on its departures leave
  /// space for the consignment) is priced, and one is drawn with probability proportional to
  /// exp(-logit_scale × its generalised cost per TEU); its TEU are then booked on those
  /// departures. The default: a planner's mode and route choice that sees capacity.
  Logit,
  /// The routes and shares of SimulationOptions::route_shares, booked as with Logit; flows
  /// without shares use the logit.
  FixedShares
};

/// "earliest", "logit" or "shares": the names scenario files and the tool use.
const char *to_string(RouteChoice c);

/// One route of a flow under RouteChoice::FixedShares: what it runs over (the itinerary is
/// the earliest one over those links, with room) and its share of the flow's consignments.
struct RouteShare {
  std::string flow; ///< demand flow id
  /// Service ids (their links) and link ids (road links without a service: trucks on demand).
  std::vector<std::string> via;
  double share = 0.0; ///< > 0; relative to the flow's other shares
};

/// Spreads replications over processes (MPI ranks): implemented by the tool, so that the
/// model needs no MPI. Replication r runs on rank r % size(); every rank gets every result.
class ReplicationExchange {
public:
  virtual ~ReplicationExchange() = default;
  [[nodiscard]] virtual int rank() const = 0;
  [[nodiscard]] virtual int size() const = 0;
  /// Every process's `mine`, in rank order; a collective that every process calls.
  virtual std::vector<std::string> all_gather(const std::string &mine) = 0;
};

/// Keeps finished replications (as bytes) so that an interrupted run can resume: the tool
/// implements it on disk. load() and save() may be called from several threads at once.
class ReplicationStore {
public:
  virtual ~ReplicationStore() = default;
  /// The bytes saved for replication r, or nullopt.
  virtual std::optional<std::string> load(int replication) = 0;
  virtual void save(int replication, const std::string &bytes) = 0;
};

/// Thrown by simulate() when SimulationOptions::stop was set: the replications finished by
/// then were handed to the store (when there is one).
class Interrupted : public std::runtime_error {
public:
  Interrupted(int finished, int asked)
      : std::runtime_error("interrupted"), finished_(finished), asked_(asked) {}
  [[nodiscard]] int finished() const { return finished_; }
  [[nodiscard]] int asked() const { return asked_; }

private:
  int finished_, asked_;
};

struct SimulationOptions {
  Hours horizon = days(365.0); ///< measured period, after the warm-up
  Hours warmup = days(30.0);   ///< run before measuring; statistics restart at its end
  /// Choose the warm-up from the data instead (choose_warmup): `warmup` is then ignored.
  bool auto_warmup = false;
  int replications = 1;
  std::uint64_t seed = 1;
  /// The number of the first replication run: replications first .. first + replications - 1,
  /// each on its own streams. A search that judges each replication alone (the capacity
  /// search) runs them one at a time with this.
  int first_replication = 0;
  Hours plan_horizon = days(120.0); ///< how far ahead an itinerary may arrive
  /// Customs clears a vehicle at the stops it passes. When true, also at the first stop of
  /// its run (after loading) and at its last stop (on arrival). Off by default, as in the
  /// routing graph, which charges customs dwell at intermediate nodes only.
  bool customs_at_ends = false;
  /// A box re-plans from where it stands (the earliest itinerary with room, any route) when a
  /// departure leaves it behind and when it arrives too late for its booked connection. False:
  /// it keeps the plan made when it appeared and waits for its service's next departure.
  bool replan = true;
  TraceSink trace; ///< when set, every consignment and vehicle event
  RouteChoice route_choice = RouteChoice::Logit;
  int logit_routes = 5; ///< k routes (Yen, by generalised cost) per flow
  /// Per USD of generalised cost per TEU. Calibrated on the Jilin corridor (docs/calibration.md):
  /// a cost difference of 1,000 USD/TEU shifts the odds by e^2.
  double logit_scale = 0.002;
  std::vector<RouteShare> route_shares; ///< FixedShares

  /// Replications run at once on threads; results are identical, byte for byte, for any count.
  /// The trace, when set, runs on one thread.
  int threads = 1;
  /// Sequential replications when > 0: `replications` are run first, then more (up to
  /// max_replications) until the 95% half width of every flow's transit mean and TEU
  /// delivered is at most this share of its mean. Checked at replication counts that do not
  /// depend on the threads, so the answer does not either.
  double target_relative_half_width = 0.0;
  int max_replications = 1000;
  /// Called on the calling thread as replications finish (done, total so far).
  std::function<void(int done, int total)> progress;
  /// Spreads the replications over processes; null: all run in this one.
  ReplicationExchange *exchange = nullptr;
  /// Saves each replication as it finishes and gives back those saved before; null: none.
  ReplicationStore *store = nullptr;
  /// When set (e.g. by a signal handler), no replication starts any more; those running
  /// finish, and simulate() throws Interrupted.
  const std::atomic<bool> *stop = nullptr;

  /// Throws ApiMisuse when a value is out of range (negative times, no replications, no
  /// threads, a negative target, k < 1,
  /// a negative logit scale, a share that is not positive or a route with an empty `via`).
  void validate() const;
};

/// The services the model runs, in its order (as SimulationResults::services): the network's,
/// then a truck on demand for each direction of each road link that no service runs over
/// (a box per truck, leaving when it is ready).
std::vector<Service> model_services(const Network &network);

/// Ids of the services in the model's order, as TraceEvent::service and
/// SimulationResults::services index them: the network's services, then one on-demand truck
/// service per direction of each road link that no service runs over, then (in traces only)
/// the background traffic of Network::background.
std::vector<std::string> service_ids(const Network &network);

/// Runs `options.replications` independent replications (random streams keyed by seed,
/// replication number and the id of what draws: common random numbers across scenarios)
/// and summarises them. Deterministic for a given seed, whatever the threads or processes.
SimulationResults simulate(const Network &network, const SimulationOptions &options);

/// The warm-up chosen from the data (docs/model.md, "Warm-up"): a pilot run of the same
/// replications without warm-up, and the MSER-5 truncation point of its weekly series of TEU
/// in the system (averaged over the replications), in whole weeks. simulate() calls it when
/// `auto_warmup` is set; callers that print the warm-up call it first and set `warmup`.
Hours choose_warmup(const Network &network, const SimulationOptions &options);

} // namespace corsim::model
