#pragma once
// Reduces each finished replication to a sample of a few numbers per flow, facility, link and
// service, and turns the samples into estimates across replications. Samples are computed
// where the replication ran (any thread or MPI rank) and added in replication order, so the
// results do not depend on where or in which order replications ran. Internal to corsim_model.

#include "replication.hpp"

#include <string>

namespace corsim::model::detail {

struct OdSample {
  double mean, p50, p90, p95, max, on_time, delivered, backlog, in_transit, unroutable, cost, co2;
  Causes wait;
  std::map<std::vector<ServiceIndex>, std::pair<double, double>> routes; ///< share, mean
  std::vector<std::uint64_t> histogram; ///< consignments per day of transit
};
struct SvcSample {
  double departures, load_factor, rolled, delay, cancelled, empty;
};
struct BgSample {
  double vehicles, teu, through; ///< per year, per year, mean hours (NaN: none left)
};

/// Running totals at one instant, for the time series: per facility the time-integrals
/// (hours) of its share in use (paths: per direction, `busy` and `busy_reverse`), of its
/// share offered and of its queue; per service its departures and TEU loaded.
struct Snapshot {
  std::vector<double> busy, busy_reverse, open, queue, departures, teu;
  std::vector<double> waiting; ///< per service: TEU waiting at its stops now
  double in_system = 0.0;      ///< TEU generated and not delivered now
};

/// Everything the summary keeps of one replication.
struct Sample {
  std::vector<OdSample> od;
  std::vector<FacSample> fac;
  std::vector<SvcSample> svc;
  std::vector<LinkSample> links;
  std::vector<BgSample> background;
  /// Per period of the time series: [period][facility] and [period][service].
  std::vector<std::vector<double>> fac_util, fac_queue, svc_departures, svc_teu, svc_waiting;
  std::vector<std::vector<double>> in_system; ///< [period][0]
  ReplicationSummary summary;
  std::vector<std::string> warnings;
};

/// Bytes for sending a sample between MPI ranks, and back; exact (doubles bit for bit).
std::string serialize(const Sample &s);
Sample deserialize(const std::string &bytes);

class Summary {
public:
  explicit Summary(const ModelInputs &in);
  /// Hooks the time-series snapshots into `rep` before it runs; `snapshots` must outlive it.
  void watch(Replication &rep, std::vector<Snapshot> &snapshots) const;
  /// What the summary keeps of a finished replication; reads `rep` only (any thread).
  [[nodiscard]] Sample sample(const Replication &rep, const std::vector<Snapshot> &snaps) const;
  void add(Sample s); ///< in replication order
  void warn(std::string text) { warnings_.push_back(std::move(text)); }
  [[nodiscard]] std::size_t size() const { return reps_.size(); }
  [[nodiscard]] SimulationResults results() const;

private:
  [[nodiscard]] OdSample flow_sample(const Replication &rep, FlowIndex f,
                                     const std::vector<double> &backlog,
                                     const std::vector<double> &in_transit) const;
  [[nodiscard]] Snapshot snapshot(const Replication &rep, Tick at) const;
  void add_series(Sample &s, const std::vector<Snapshot> &snaps) const;
  [[nodiscard]] OdResult od_result(FlowIndex flow) const;
  [[nodiscard]] std::vector<RouteResult> routes(FlowIndex flow) const;
  [[nodiscard]] FacilityResult facility_result(std::size_t i) const;
  [[nodiscard]] ServiceResult service_result(std::size_t s) const;
  [[nodiscard]] LinkResult link_result(LinkIndex l) const;
  [[nodiscard]] BackgroundResult background_result(std::size_t b) const;
  /// Services with results: the network's and on-demand trucks, not background traffic.
  [[nodiscard]] std::size_t service_count() const { return in_.background_begin; }
  [[nodiscard]] TimeSeries time_series() const;
  [[nodiscard]] std::vector<KeyResult> key_results(const SimulationResults &r) const;
  [[nodiscard]] std::vector<Bottleneck> bottlenecks(const SimulationResults &r) const;

  const ModelInputs &in_;
  double per_year_;
  Tick period_;                          ///< of the time series
  std::vector<FacilityResult> fac_keys_; ///< node, kind and capacity of each facility
  std::vector<Sample> samples_;          ///< [replication]
  std::vector<ReplicationSummary> reps_;
  std::vector<std::string> warnings_;
};

} // namespace corsim::model::detail
